package data

import (
	"path/filepath"
	"strings"
)

// sqliteURI is the SQLite URI of the database file at path with the given
// query (driver and SQLite parameters, already escaped). Every byte of the
// path that means something in a URI (%, ?, #, spaces, non-ASCII) is
// percent-encoded: a plain path is cut at its first ? by the driver and at
// its first # by SQLite, which put the database outside a folder named
// 资料?2026 and broke every backup of a folder named 支部#1.
func sqliteURI(path, query string) string {
	p := filepath.ToSlash(path)
	if len(p) >= 2 && p[1] == ':' { // C:/… on Windows: file:///C:/…
		p = "/" + p
	}
	var b strings.Builder
	b.WriteString("file:")
	if strings.HasPrefix(p, "/") {
		b.WriteString("//") // an empty authority, so //server/share stays a path
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		if isURIPlain(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte("0123456789ABCDEF"[c>>4])
		b.WriteByte("0123456789ABCDEF"[c&15])
	}
	if query != "" {
		b.WriteString("?" + query)
	}
	return b.String()
}

func isURIPlain(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		strings.IndexByte("/-._~:", c) >= 0
}
