//go:build ci

package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/pgtest"
)

func TestWindowServerIsTheFlagElseTheSavedChoice(t *testing.T) {
	keyring.MockInit() // never this PC's own keyring
	dir := t.TempDir()
	if got, err := serverFor("", dir); err != nil || got != "" {
		t.Fatalf("nothing saved: %q, %v; want the folder's file", got, err)
	}
	saved := "postgres://zhang@db.school.cn/party?sslmode=prefer"
	if err := data.SaveServerChoice(dir, saved); err != nil {
		t.Fatal(err)
	}
	if got, _ := serverFor("", dir); got != saved {
		t.Fatalf("got %q; want the saved %q", got, saved)
	}
	if got, _ := serverFor("postgres://other@db2/x", dir); got != "postgres://other@db2/x" {
		t.Fatalf("--db should win over the saved choice, got %q", got)
	}
}

// signInWindow shows the sign-in form of si; done gets the opened store.
func signInWindow(t *testing.T, si *serverSignIn, done func(*data.Store)) (login, password *widget.Entry, remember *widget.Check, signIn *widget.Button, shown func() string) {
	a := test.NewTempApp(t)
	si.app = a
	defer func(b func(func())) { t.Cleanup(func() { signInBackground = b }) }(signInBackground)
	signInBackground = func(f func()) { f() }
	if si.dir == "" {
		si.dir = t.TempDir()
	}
	if si.stderr == nil {
		si.stderr = io.Discard
	}
	w := a.NewWindow("登录")
	w.SetContent(si.content(nil, done))
	var labels []*widget.Label
	for _, o := range test.LaidOutObjects(w.Content()) {
		switch o := o.(type) {
		case *widget.Entry:
			if o.Password {
				password = o
			} else {
				login = o
			}
		case *widget.Check:
			remember = o
		case *widget.Button:
			if o.Text == "登录" {
				signIn = o
			}
		case *widget.Label:
			labels = append(labels, o)
		}
	}
	return login, password, remember, signIn, func() string {
		var texts []string
		for _, l := range labels {
			texts = append(texts, l.Text)
		}
		return strings.Join(texts, "\n")
	}
}

func TestSignInSaysWhereAndRefusesPlainly(t *testing.T) {
	si := &serverSignIn{dsn: "postgres://zhang@127.0.0.1:1/party?connect_timeout=2"}
	login, password, _, signIn, shown := signInWindow(t, si, func(*data.Store) { t.Fatal("opened a closed port") })
	if !strings.Contains(shown(), "数据库服务器 127.0.0.1:1，数据库 party") || login.Text != "zhang" {
		t.Fatalf("sign-in does not say where or who: %s; login %q", shown(), login.Text)
	}
	test.Type(password, "秘密")
	test.Tap(signIn)
	if !strings.Contains(shown(), "连不上数据库服务器") || strings.Contains(shown(), "秘密") {
		t.Fatalf("refusal: %s", shown())
	}
}

// TestSignInOpensTheServer signs in to the throwaway server of make test
// with the password typed (skips without one).
func TestSignInOpensTheServer(t *testing.T) {
	full, err := data.ParseServerAddress(pgtest.Server(t))
	if err != nil {
		t.Fatal(err)
	}
	typed := full.Password
	full.Password = ""
	var opened *data.Store
	_, password, _, signIn, shown := signInWindow(t, &serverSignIn{dsn: full.DSN()}, func(s *data.Store) { opened = s })
	test.Type(password, typed)
	test.Tap(signIn)
	if opened == nil {
		t.Fatalf("not opened: %s", shown())
	}
	opened.Close()
}

// A second person signs in on the same PC with their own login: the store
// is theirs, the saved choice remembers their login, and their password
// only when 记住密码 is ticked (then in the keyring, not the file).
func TestSignInAsAnotherUserRemembersTheLogin(t *testing.T) {
	keyring.MockInit()
	dsn := pgtest.Database(t)
	admin, err := data.OpenServer(dsn, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	li := pgtest.Login(t, "li_ming")
	if err := admin.AddServerUser(data.ServerUser{Login: li, Password: "pw-li", BranchID: 2, Role: data.RoleBranch, Name: "李明"}); err != nil {
		t.Fatal(err)
	}
	admin.Close()
	for _, keep := range []bool{false, true} {
		dir := t.TempDir()
		if err := data.SaveServerChoice(dir, data.WithoutServerPassword(dsn)); err != nil {
			t.Fatal(err)
		}
		var opened *data.Store
		login, password, remember, signIn, shown := signInWindow(t, &serverSignIn{dsn: data.WithoutServerPassword(dsn), dir: dir, saved: true},
			func(s *data.Store) { opened = s })
		login.SetText(li)
		test.Type(password, "pw-li")
		remember.SetChecked(keep)
		test.Tap(signIn)
		if opened == nil {
			t.Fatalf("not opened: %s", shown())
		}
		if opened.Actor != "李明" || opened.ServerRole() != data.RoleBranch {
			t.Errorf("signed in as %q (%s)", opened.Actor, opened.ServerRole())
		}
		opened.Close()
		saved, _ := data.ServerChoice(dir)
		addr, _ := data.ParseServerAddress(saved)
		if addr.User != li || (addr.Password == "pw-li") != keep {
			t.Errorf("记住密码 %v: the next start reads login %q, password %q", keep, addr.User, addr.Password)
		}
		if file, _ := os.ReadFile(filepath.Join(dir, data.ServerChoiceFile)); strings.Contains(string(file), "pw-li") {
			t.Errorf("the password is in the file although the keyring took it")
		}
	}
}
