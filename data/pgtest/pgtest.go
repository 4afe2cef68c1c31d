// Package pgtest gives tests a fresh PostgreSQL database on the throwaway
// server that .ci/with-postgres.sh starts (make test does). It does not
// import data, so data's own internal tests can use it as well as datatest.
package pgtest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
)

// EnvServer is the DSN of a superuser on the test server.
const EnvServer = "PARTYOFFICE_TEST_PG"

// EnvBackend set to "postgres" makes the store tests' stores live on the
// test server instead of in a SQLite file (make test runs the store tests
// once each way).
const EnvBackend = "PARTYOFFICE_TEST_BACKEND"

// OnServer says whether this test run keeps its stores on the server.
func OnServer() bool { return os.Getenv(EnvBackend) == "postgres" }

// Server is the test server's DSN; the test skips, saying why, without one.
func Server(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(EnvServer)
	if dsn == "" {
		if OnServer() {
			t.Fatalf("%s=postgres but %s is not set", EnvBackend, EnvServer)
		}
		t.Skipf("PostgreSQL test skipped: %s is not set (make test sets it when PostgreSQL can be installed; see .ci/with-postgres.sh)", EnvServer)
	}
	return dsn
}

var admin struct {
	once sync.Once
	db   *sql.DB
	err  error
}

// Database creates an empty database on the test server, dropped when the
// test ends, and returns its DSN.
func Database(t testing.TB) string {
	t.Helper()
	server := Server(t)
	admin.once.Do(func() { admin.db, admin.err = sql.Open("pgx", server) })
	if admin.err != nil {
		t.Fatal(admin.err)
	}
	var b [6]byte
	rand.Read(b[:])
	name := "po_test_" + hex.EncodeToString(b[:])
	if _, err := admin.db.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() { admin.db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)") })
	return WithDatabase(t, server, name)
}

// WithDatabase is dsn naming another database on the same server.
func WithDatabase(t testing.TB, dsn, name string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("%s: %v", EnvServer, err)
	}
	u.Path = "/" + name
	return u.String()
}

// Login is a login name unique on the server (roles are shared by all its
// databases), dropped when the test ends.
func Login(t testing.TB, prefix string) string {
	t.Helper()
	var b [4]byte
	rand.Read(b[:])
	name := prefix + "_" + hex.EncodeToString(b[:])
	t.Cleanup(func() {
		if admin.db != nil {
			admin.db.Exec("DROP ROLE IF EXISTS " + name)
		}
	})
	return name
}

// AsUser is dsn signing in as login with password.
func AsUser(t testing.TB, dsn, login, password string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("%s: %v", EnvServer, err)
	}
	u.User = url.UserPassword(login, password)
	return u.String()
}

// Exec runs statements as the server's superuser in database dsn (roles,
// grants: what IT would do once).
func Exec(t testing.TB, dsn string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}
