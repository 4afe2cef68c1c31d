//go:build ci

package main

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partyoffice/data"
	"partyoffice/data/pgtest"
)

func TestWindowServerIsTheFlagElseTheSavedChoice(t *testing.T) {
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

// signInWindow shows the sign-in form for dsn; done gets the opened store.
func signInWindow(t *testing.T, dsn string, done func(*data.Store)) (password *widget.Entry, signIn *widget.Button, shown func() string) {
	a := test.NewTempApp(t)
	w := a.NewWindow("登录")
	w.SetContent(signInContent(a, dsn, t.TempDir(), nil, done))
	var labels []*widget.Label
	for _, o := range test.LaidOutObjects(w.Content()) {
		switch o := o.(type) {
		case *widget.Entry:
			password = o
		case *widget.Button:
			if o.Text == "登录" {
				signIn = o
			}
		case *widget.Label:
			labels = append(labels, o)
		}
	}
	return password, signIn, func() string {
		var texts []string
		for _, l := range labels {
			texts = append(texts, l.Text)
		}
		return strings.Join(texts, "\n")
	}
}

func TestSignInSaysWhereAndRefusesPlainly(t *testing.T) {
	password, signIn, shown := signInWindow(t, "postgres://zhang@127.0.0.1:1/party?connect_timeout=2",
		func(*data.Store) { t.Fatal("opened a closed port") })
	if !strings.Contains(shown(), "服务器 127.0.0.1:1，数据库 party，用户 zhang") {
		t.Fatalf("sign-in does not say where: %s", shown())
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
	password, signIn, shown := signInWindow(t, full.DSN(), func(s *data.Store) { opened = s })
	test.Type(password, typed)
	test.Tap(signIn)
	if opened == nil {
		t.Fatalf("not opened: %s", shown())
	}
	opened.Close()
}
