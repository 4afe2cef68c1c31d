package data

import "testing"

// The numbered steps must be contiguous and end at SchemaVersion, or a file
// would be stamped with a version whose step never ran.
func TestMigrationsAreNumberedInOrder(t *testing.T) {
	for i, m := range migrations {
		if m.to != i+1 {
			t.Errorf("migration %q is number %d, want %d", m.name, m.to, i+1)
		}
	}
	if last := migrations[len(migrations)-1].to; last != SchemaVersion {
		t.Errorf("the last migration goes to %d but SchemaVersion is %d", last, SchemaVersion)
	}
}
