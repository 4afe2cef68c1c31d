package data

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// ServerChoiceFile, in the data folder, names the server this PC works on
// when no --db / PARTYOFFICE_DB is given (设置与数据 → 数据位置), signed in as
// the last login. It holds a connection string; the password goes to the
// keyring (server_password.go) and stays in this file only where there is
// none, so it is written for the user alone (0600) and lives beside the
// database file, not under it:
// backups and 移交包 take only the records and the attachments folder
// (backup.go, handover_write.go), so it never leaves this PC.
const ServerChoiceFile = "server-connection.txt"

// SaveServerChoice records dsn as this PC's data location, taking effect on
// the next start. A password in dsn is remembered (in the keyring where
// there is one); a dsn without one forgets what was remembered for its login.
func SaveServerChoice(dir, dsn string) error {
	if !IsServerDSN(dsn) {
		return errors.New("连接串应以 postgres:// 开头")
	}
	if a, err := ParseServerAddress(dsn); err == nil && a.Password == "" {
		ForgetServerPassword(dsn)
	} else if rememberPassword(dsn) {
		dsn = WithoutServerPassword(dsn)
	}
	return writeServerChoice(dir, dsn)
}

func writeServerChoice(dir, dsn string) error {
	if err := writeFileAtomically(filepath.Join(dir, ServerChoiceFile), []byte(dsn+"\n")); err != nil {
		return fmt.Errorf("无法保存数据位置：%w", err)
	}
	return nil
}

// ServerChoice is the saved server of the data folder, with the remembered
// password, "" when the records stay in the folder's own file. A password
// found in the file is moved into the keyring when one answers.
func ServerChoice(dir string) (string, error) {
	dsn, err := readServerChoice(dir)
	if err != nil || dsn == "" {
		return dsn, err
	}
	if a, _ := ParseServerAddress(dsn); a.Password != "" {
		if rememberPassword(dsn) {
			// Moved: the file keeps the rest. Should rewriting fail, the
			// password is in both places and the next start tries again.
			_ = writeServerChoice(dir, WithoutServerPassword(dsn))
		}
		return dsn, nil
	}
	return rememberedPassword(dsn), nil
}

func readServerChoice(dir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, ServerChoiceFile))
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("无法读取数据位置设置：%w", plainIOError(err))
	}
	dsn := strings.TrimSpace(string(b))
	if !IsServerDSN(dsn) {
		return "", errors.New("数据位置设置文件已损坏：请在 设置与数据 → 数据位置 中重新选择")
	}
	return dsn, nil
}

// ClearServerChoice goes back to the folder's own file on the next start.
func ClearServerChoice(dir string) error {
	err := os.Remove(filepath.Join(dir, ServerChoiceFile))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("无法更改数据位置：%w", plainIOError(err))
	}
	return nil
}

// ServerAddress is a connection string taken apart for the form and for
// display; Password is never shown.
type ServerAddress struct {
	Host, Port, Database, User, Password string
	SSLMode                              string // "" means prefer: TLS when the server offers it
}

// DSN puts the address together as a postgres:// connection string.
func (a ServerAddress) DSN() string {
	u := url.URL{Scheme: "postgres", Host: a.Host, Path: "/" + a.Database}
	query := url.Values{}
	switch {
	case strings.HasPrefix(a.Host, "/"): // a Unix socket folder goes in the query
		u.Host = ""
		query.Set("host", a.Host)
		if a.Port != "" {
			query.Set("port", a.Port)
		}
	case a.Port != "":
		u.Host = net.JoinHostPort(a.Host, a.Port)
	}
	if a.Password != "" {
		u.User = url.UserPassword(a.User, a.Password)
	} else if a.User != "" {
		u.User = url.User(a.User)
	}
	mode := a.SSLMode
	if mode == "" {
		mode = "prefer"
	}
	query.Set("sslmode", mode)
	u.RawQuery = query.Encode()
	return u.String()
}

// ParseServerAddress takes a postgres:// connection string apart. Options it
// does not show (sslmode aside) are kept only in the string itself.
func ParseServerAddress(dsn string) (ServerAddress, error) {
	u, err := url.Parse(strings.TrimSpace(dsn))
	if err != nil || !IsServerDSN(dsn) || u.Host == "" && u.Query().Get("host") == "" {
		return ServerAddress{}, errors.New("连接串应为 postgres://用户@服务器:端口/数据库 形式")
	}
	a := ServerAddress{Host: u.Hostname(), Port: u.Port(), Database: strings.TrimPrefix(u.Path, "/"),
		SSLMode: u.Query().Get("sslmode")}
	if a.Host == "" {
		a.Host = u.Query().Get("host") // a Unix socket folder
	}
	if a.Port == "" {
		a.Port = u.Query().Get("port")
	}
	if u.User != nil {
		a.User = u.User.Username()
		a.Password, _ = u.User.Password()
	}
	return a, nil
}

// WithServerPassword returns dsn with password set (the sign-in dialog's
// answer when the saved string has none).
func WithServerPassword(dsn, password string) (string, error) {
	u, err := url.Parse(dsn)
	if err != nil || !IsServerDSN(dsn) {
		return "", errors.New("连接串应为 postgres://用户@服务器:端口/数据库 形式")
	}
	user := ""
	if u.User != nil {
		user = u.User.Username()
	}
	u.User = url.UserPassword(user, password)
	return u.String(), nil
}

// ServerNeedsPassword says whether dsn carries no password of its own, and
// none is given by PGPASSWORD: the window then asks for one.
func ServerNeedsPassword(dsn string) bool {
	a, err := ParseServerAddress(dsn)
	return err == nil && a.Password == "" && os.Getenv("PGPASSWORD") == ""
}

// TestServer connects to dsn once and says, in plain words, why not when it
// cannot; nothing is written.
func TestServer(dsn string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return plainServerError(err)
	}
	defer conn.Close(context.Background())
	if err := conn.Ping(ctx); err != nil {
		return plainServerError(err)
	}
	return nil
}

// portOrDefault is the port shown when a connection string names none.
func (a ServerAddress) portOrDefault() string {
	if a.Port == "" {
		return "5432"
	}
	return a.Port
}

// Describe is the server as the settings page shows it: host, database and
// user, never the password.
func (a ServerAddress) Describe() string {
	return fmt.Sprintf("服务器 %s:%s，数据库 %s，用户 %s", a.Host, a.portOrDefault(), a.Database, a.User)
}

// ServerAddress is the server the store is open on, taken apart (its
// Password is for no display); ok is false for a data folder's file.
func (s *Store) ServerAddress() (a ServerAddress, ok bool) {
	if s.server == nil {
		return ServerAddress{}, false
	}
	a, err := ParseServerAddress(s.server.dsn)
	return a, err == nil
}

// WithoutServerPassword is dsn with its password left out (a choice saved
// without remembering it); every other option stays.
func WithoutServerPassword(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	u.User = url.User(u.User.Username())
	return u.String()
}
