package data

import (
	"errors"
	"net"
	"net/url"

	"github.com/zalando/go-keyring"
)

// Where a server password is kept (docs/ARCHITECTURE.md#two-backends): in
// the operating system's keyring (Windows 凭据管理器, the macOS 钥匙串, a
// Linux secret service) under KeyringService and the account KeyringAccount
// names; server-connection.txt then holds the connection string without it.
// Only where no keyring answers (a Linux PC without a secret service, CI)
// does the password stay in that file, which is the user's alone (0600).
// Neither place is in the records, so no export, backup or 移交包 carries it.

// KeyringService is the keyring entry's service name.
const KeyringService = "党支部工作台"

// KeyringAccount is the keyring entry's account for the sign-in of dsn:
// "login@host:port/db", so two people and two servers keep their own.
func KeyringAccount(dsn string) string {
	a, err := ParseServerAddress(dsn)
	if err != nil {
		return ""
	}
	return a.User + "@" + net.JoinHostPort(a.Host, a.portOrDefault()) + "/" + a.Database
}

// rememberPassword puts the password of dsn into the keyring and says
// whether it did; false means the caller keeps it in the file.
func rememberPassword(dsn string) bool {
	a, err := ParseServerAddress(dsn)
	if err != nil || a.Password == "" {
		return false
	}
	return keyring.Set(KeyringService, KeyringAccount(dsn), a.Password) == nil
}

// rememberedPassword is dsn with the keyring's password for its sign-in,
// or dsn itself when it has one of its own or the keyring has none.
func rememberedPassword(dsn string) string {
	a, err := ParseServerAddress(dsn)
	if err != nil || a.Password != "" {
		return dsn
	}
	pw, err := keyring.Get(KeyringService, KeyringAccount(dsn))
	if err != nil || pw == "" {
		return dsn
	}
	if with, err := WithServerPassword(dsn, pw); err == nil {
		return with
	}
	return dsn
}

// ForgetServerPassword removes the remembered password of dsn's sign-in
// from the keyring (记住密码 unticked, 退出登录). Nothing remembered is fine.
func ForgetServerPassword(dsn string) {
	if account := KeyringAccount(dsn); account != "" {
		// Its error is nothing remembered, or no keyring: either way none is left.
		_ = keyring.Delete(KeyringService, account)
	}
}

// WithServerLogin is dsn signing in as login with password (the sign-in
// window's answer: another person may sign in on the same PC). Every other
// option of dsn stays; an empty password leaves none in the string.
func WithServerLogin(dsn, login, password string) (string, error) {
	u, err := url.Parse(dsn)
	if err != nil || !IsServerDSN(dsn) {
		return "", errors.New("连接串应为 postgres://用户@服务器:端口/数据库 形式")
	}
	if login == "" {
		return "", errors.New("请填写登录名")
	}
	if password == "" {
		u.User = url.User(login)
	} else {
		u.User = url.UserPassword(login, password)
	}
	return u.String(), nil
}
