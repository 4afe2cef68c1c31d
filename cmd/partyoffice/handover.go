package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/term"

	"partyoffice/data"
	"partyoffice/data/handover"
	"partyoffice/reports"
)

// The handover commands: make a 移交包 (and its printed 移交清单), and
// receive one into a data folder.

// stdin is where receive reads the user's confirmation; tests replace it.
var stdin io.Reader = os.Stdin

// stdinIsTerminal reports whether a person types the input: a character
// device other than the null device (a script's stdin under cron or
// `< /dev/null`). Tests replace it.
var stdinIsTerminal = func() bool {
	st, err := os.Stdin.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(st, null)
}

func (c *cli) handover(args []string) error {
	fs := newFlagSet("handover")
	out := fs.String("out", "", "")
	passwordFile := fs.String("password-file", "", "")
	list := fs.String("list", "", "")
	if _, err := positionals("handover", args, 0, fs); err != nil {
		return err
	}
	if *out == "" {
		return usageError("请用 --out 指定移交包保存到哪个文件，例如 --out 移交包.poh")
	}
	if *list != "" && !strings.EqualFold(filepath.Ext(*list), ".xlsx") {
		return usageError("移交清单的文件名必须以 .xlsx 结尾（现在是“%s”）", *list)
	}
	password, err := readPasswordFile(*passwordFile)
	if err != nil {
		return err
	}
	return c.withStore(false, func(s *data.Store) error {
		m, err := s.MakeHandover(*out, data.HandoverOptions{Password: password})
		if err != nil {
			return err
		}
		size := fileSizeOf(*out)
		fmt.Fprintf(c.stdout, "已制作移交包 %s（%s，%d 个文件，%s）\n", *out, humanSize(size), len(m.Files),
			map[bool]string{true: "设有密码", false: "未设密码"}[password != ""])
		printCounts(c.stdout, m)
		if *list == "" {
			return nil
		}
		ref := &reports.PackageRef{Name: filepath.Base(*out), Size: size, Files: len(m.Files)}
		if err := reports.ExportHandoverList(*list, s, reports.HandoverListOptions{Package: ref}); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "已导出移交清单：%s\n", *list)
		return nil
	})
}

func (c *cli) receive(args []string) error {
	fs := newFlagSet("receive")
	passwordFile := fs.String("password-file", "", "")
	yes := fs.Bool("yes", false, "")
	pos, err := positionals("receive", args, 1, fs)
	if err != nil {
		return err
	}
	password, err := readPasswordFile(*passwordFile)
	if err != nil {
		return err
	}
	src, err := filepath.Abs(pos[0])
	if err != nil {
		return err
	}
	var s *data.Store
	if hasDatabase(c.dataDir) { // opened first: opening clears old work folders
		s, err = data.Open(c.dataDir)
		switch {
		case errors.Is(err, data.ErrDamaged):
			fmt.Fprintln(c.stderr, "注意：现有数据文件已损坏，接收后它会改名保留在数据文件夹中。")
		case err != nil:
			return err
		default:
			defer s.Close()
		}
	}
	// Verify and show what arrives before asking anything.
	in, err := data.OpenIncoming(c.dataDir, src, password, nil)
	if errors.Is(err, handover.ErrNeedPassword) {
		return usageError("这个移交包设有密码：请把密码写在一个文件的第一行，再加 --password-file 文件")
	}
	if err != nil {
		return err
	}
	defer in.Close()
	fmt.Fprintf(c.stdout, "移交包 %s 校验通过：\n", filepath.Base(src))
	printCounts(c.stdout, in.Manifest)
	if !hasDatabase(c.dataDir) {
		return c.receiveInto(nil, in) // a new PC: nothing to replace, nothing to ask
	}
	if !*yes && !c.confirm("将用上面这个移交包替换数据文件夹 "+c.dataDir+" 中的现有数据（替换前会自动备份现有数据）。") {
		return errors.New("没有确认，未做任何改动（在脚本中可加 --yes 跳过询问）")
	}
	return c.receiveInto(s, in)
}

// receiveInto puts a checked package in place: through the open store s
// (which backs up first), or into the folder directly when there is no
// usable store.
func (c *cli) receiveInto(s *data.Store, in *data.Incoming) error {
	var err error
	if s != nil {
		err = s.Receive(in)
	} else {
		_, err = data.ReceiveClosed(c.dataDir, in)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "已接收到数据文件夹 %s\n", c.dataDir)
	return nil
}

// secret is a password from the first line of passwordFile, else typed at
// a terminal after prompt (not echoed: readSecret). It never comes from the
// command line itself, where other users of the PC and the shell history
// would see it; missing says how to give it when there is neither.
func (c *cli) secret(passwordFile, prompt, missing string) (string, error) {
	password, err := readPasswordFile(passwordFile)
	if err != nil {
		return "", err
	}
	if password == "" && stdinIsTerminal() {
		fmt.Fprint(c.stdout, prompt+"（输入的字符不显示）：")
		password = readSecret(c.stdout)
	}
	if password == "" {
		return "", usageError("%s", missing)
	}
	return password, nil
}

// readSecret reads a password from stdin. Typed at a terminal it is not
// echoed (golang.org/x/term), and the Enter that was not echoed either is
// put on w; from a pipe (or a test's reader) it is the first line.
func readSecret(w io.Writer) string {
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		typed, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(w)
		if err != nil {
			return ""
		}
		return string(typed)
	}
	line, _ := bufio.NewReader(stdin).ReadString('\n')
	return strings.TrimRight(line, "\r\n")
}

// confirm asks a yes/no question on stdin; anything but y/是 is no.
func (c *cli) confirm(question string) bool {
	fmt.Fprint(c.stdout, question+"确定吗？输入 y 并回车确认：")
	line, _ := bufio.NewReader(stdin).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes", "是":
		return true
	}
	return false
}

// printCounts shows a package's summary: branch, when, who, counts.
func printCounts(w io.Writer, m handover.Manifest) {
	fmt.Fprintf(w, "  支部：%s\n", m.Branch)
	if !m.Created.IsZero() {
		fmt.Fprintf(w, "  制作时间：%s", m.Created.Local().Format("2006-01-02 15:04"))
		if m.CreatedBy != "" {
			fmt.Fprintf(w, "，制作人：%s", m.CreatedBy)
		}
		if m.AppVersion != "" {
			fmt.Fprintf(w, "，党支部工作台 %s", m.AppVersion)
		}
		fmt.Fprintln(w)
	}
	for _, n := range m.Counts {
		fmt.Fprintf(w, "  %s：%d\n", n.Name, n.Count)
	}
	fmt.Fprintf(w, "  文件（数据库和附件）：%d 个\n", len(m.Files))
}

// readPasswordFile reads a password from the first line of path ("" when
// no file was given). The file is small; anything else is a mistake.
func readPasswordFile(path string) (string, error) {
	if path == "" {
		return "", nil
	}
	f, err := os.Open(path)
	if err != nil {
		return "", usageError("无法读取密码文件“%s”：%v", path, err)
	}
	defer f.Close()
	line, err := bufio.NewReader(io.LimitReader(f, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", usageError("无法读取密码文件“%s”：%v", path, err)
	}
	password := strings.TrimRight(strings.TrimPrefix(line, "\ufeff"), "\r\n")
	if password == "" {
		return "", usageError("密码文件“%s”的第一行是空的", path)
	}
	return password, nil
}

func hasDatabase(dir string) bool {
	st, err := os.Stat(filepath.Join(dir, data.DBFileName))
	return err == nil && st.Size() > 0
}

func fileSizeOf(path string) int64 {
	if st, err := os.Stat(path); err == nil {
		return st.Size()
	}
	return 0
}
