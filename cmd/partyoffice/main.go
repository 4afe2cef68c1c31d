// Command partyoffice is 党支部工作台: with no arguments it opens the window;
// with a subcommand it works headless on the same data folder, for scripts,
// tests and the district IT person (partyoffice help lists them).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"partyoffice/data"
	"partyoffice/resources/appinfo"
)

// appID is Fyne's application ID. The default data folder is derived from it,
// so changing it (in FyneApp.toml) would orphan every installed user's data.
const appID = appinfo.ID

// dataEnv overrides the default data folder (and is overridden by --data).
const dataEnv = "PARTYOFFICE_DATA"

// serverEnv names a PostgreSQL server to use instead of the data folder's
// file (and is overridden by --db).
const serverEnv = "PARTYOFFICE_DB"

// Exit codes, documented in the help text.
const (
	exitOK      = 0
	exitFailed  = 1
	exitUsage   = 2
	exitLocked  = 3
	exitDamaged = 4
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run parses the global flags and runs the GUI or a subcommand; it returns
// the exit code. A panic becomes a one-line message, never a stack trace.
func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "错误：程序内部错误，操作未完成（internal error）：%v\n", r)
			code = exitFailed
		}
	}()
	global := newFlagSet("partyoffice")
	dataDir := global.String("data", "", "数据文件夹")
	appPasswordFile := global.String("password-file", "", "应用密码文件")
	server := global.String("db", os.Getenv(serverEnv), "数据库服务器")
	if err := global.Parse(args); errors.Is(err, flag.ErrHelp) {
		printHelp(stdout)
		return exitOK
	} else if err != nil {
		return fail(stderr, usageError("%s", flagMessage(err)))
	}
	dir, err := resolveDataDir(*dataDir)
	if err != nil {
		return fail(stderr, err)
	}
	if *server != "" && !data.IsServerDSN(*server) {
		return fail(stderr, usageError("--db 应为 postgres://用户@服务器:端口/数据库 形式的连接串"))
	}
	if global.NArg() == 0 {
		return runGUI(dir, *server, stderr)
	}
	c := &cli{stdout: stdout, stderr: stderr, dataDir: dir, server: *server}
	name, rest := global.Arg(0), global.Args()[1:]
	cmd := findCommand(name)
	if cmd == nil {
		fmt.Fprintf(stderr, "错误：没有“%s”这个命令（unknown command）\n\n", name)
		printHelp(stderr)
		return exitUsage
	}
	if name != "help" && name != "version" {
		warnNetworkShare(stderr, dir)
	}
	if needsAppPassword(name) {
		if err := c.checkAppPassword(*appPasswordFile); err != nil {
			return fail(stderr, err)
		}
	}
	if err := cmd.run(c, rest); err != nil {
		return fail(stderr, err)
	}
	return exitOK
}

// networkShare tells the file system kind of the data folder (a variable
// for tests).
var networkShare = data.NetworkShare

// warnNetworkShare prints one line when the data folder is on a network
// share; the command still runs.
func warnNetworkShare(stderr io.Writer, dir string) {
	if kind := networkShare(dir); kind != "" {
		fmt.Fprintln(stderr, "注意："+data.NetworkShareWarning(kind))
	}
}

// resolveDataDir picks the data folder: --data, then $PARTYOFFICE_DATA, then
// the Fyne storage root of the app, so the GUI and the CLI share one folder.
func resolveDataDir(flagValue string) (string, error) {
	if flagValue != "" {
		return filepath.Abs(flagValue)
	}
	if env := os.Getenv(dataEnv); env != "" {
		return filepath.Abs(env)
	}
	return defaultDataDir()
}

// defaultDataDir is where Fyne's app.Storage() puts the files of appID
// (fyne internal/app rootConfigDir + the app ID), computed here without the
// app package so that the CLI needs no display.
func defaultDataDir() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("找不到用户文件夹，请用 --data 指定数据文件夹（%v）", err)
	}
	var root string
	switch runtime.GOOS {
	case "windows":
		root = filepath.Join(home, "AppData", "Roaming")
	case "darwin":
		root = filepath.Join(home, "Library", "Preferences")
	default:
		if root, err = os.UserConfigDir(); err != nil {
			return "", fmt.Errorf("找不到用户配置文件夹，请用 --data 指定数据文件夹（%v）", err)
		}
	}
	return filepath.Join(root, "fyne", appID), nil
}

// usageErr is a mistake in the command line (exit code 2).
type usageErr struct{ msg string }

func (e *usageErr) Error() string { return e.msg }

func usageError(format string, args ...any) error {
	return &usageErr{msg: fmt.Sprintf(format, args...)}
}

// exitErr carries an explicit exit code with its message.
type exitErr struct {
	code int
	err  error
}

func (e *exitErr) Error() string { return e.err.Error() }
func (e *exitErr) Unwrap() error { return e.err }

// exitCodeOf maps an error to the exit code the help text documents.
func exitCodeOf(err error) int {
	var ue *usageErr
	var ee *exitErr
	switch {
	case errors.As(err, &ue):
		return exitUsage
	case errors.Is(err, data.ErrLocked):
		return exitLocked
	case errors.Is(err, data.ErrDamaged):
		return exitDamaged
	case errors.As(err, &ee):
		return ee.code
	}
	return exitFailed
}

// fail prints err as one line on stderr and returns its exit code.
func fail(stderr io.Writer, err error) int {
	code := exitCodeOf(err)
	msg := oneLine(err.Error())
	switch code {
	case exitUsage:
		msg += "。用 partyoffice help 查看用法（usage error）"
	case exitLocked:
		msg += "（data folder in use）"
	case exitDamaged:
		msg += "。可以用 partyoffice backups 列出数据文件夹里的备份，再用 partyoffice restore 备份文件 恢复（database damaged）"
	}
	fmt.Fprintln(stderr, "错误："+msg)
	return code
}

// oneLine keeps a message on one line, whatever the layers below wrapped.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", "；")), " ")
}

// newFlagSet is a FlagSet that reports errors to us instead of printing
// Go's English usage text.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// flagMessage puts the flag package's English error into a Chinese sentence,
// keeping the original as the gloss.
func flagMessage(err error) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined"):
		return "不认识的选项 " + strings.TrimPrefix(msg, "flag provided but not defined: ") + "（unknown flag）"
	case strings.HasPrefix(msg, "flag needs an argument"):
		return "选项 " + strings.TrimPrefix(msg, "flag needs an argument: ") + " 后面需要一个值（flag needs an argument）"
	case errors.Is(err, flag.ErrHelp):
		return "要查看用法，请运行 partyoffice help"
	}
	return "命令行选项有误（" + msg + "）"
}

// parseInterspersed parses flags that may come before, between or after the
// positional arguments (import members f.xlsx --dry-run) and returns the
// positional ones. Everything after "--" is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageError("%s", flagMessage(err))
		}
		rest := fs.Args()
		consumed := args[:len(args)-len(rest)]
		if len(consumed) > 0 && consumed[len(consumed)-1] == "--" {
			return append(positional, rest...), nil
		}
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// needsAppPassword: every command that reads or writes the data, when an
// app password is set. Listing the backups shows only file names.
func needsAppPassword(command string) bool {
	switch command {
	case "help", "version", "backups":
		return false
	}
	return true
}

// checkAppPassword asks for the app password of the data folder, when one
// is set: from the global --password-file, else typed on a terminal.
func (c *cli) checkAppPassword(passwordFile string) error {
	set, err := data.AppPasswordSetIn(c.dataDir)
	if err != nil || !set {
		return err
	}
	password, err := c.secret(passwordFile, "这个数据文件夹设有应用密码，请输入密码并回车",
		"这个数据文件夹设有应用密码：请把密码写在一个文件的第一行，在命令前加 --password-file 文件（例如 partyoffice --password-file 密码.txt export …）")
	if err != nil {
		return err
	}
	return data.VerifyAppPassword(c.dataDir, password)
}
