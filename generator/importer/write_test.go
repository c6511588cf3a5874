package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	r := mustImport(t, tsv(small...))
	if err := Write(dir, r); err != nil {
		t.Fatal(err)
	}
	for p, want := range r.Files {
		got, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil || string(got) != string(want) {
			t.Errorf("%s: %v, content matches: %v", p, err, string(got) == string(want))
		}
	}
	// Unchanged files are not rewritten: their modification time stays.
	target := filepath.Join(dir, "blocs/b1.toml")
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(target, old, old); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, r); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(target); err != nil || !fi.ModTime().Equal(old) {
		t.Errorf("an unchanged file was rewritten")
	}
	assertNoTemp(t, dir)
}

// TestWriteNothingOnError checks that a result with one bad file writes no
// file at all.
func TestWriteNothingOnError(t *testing.T) {
	tests := []struct {
		name, path, data, want string
	}{
		{"invalid TOML", "modalites.toml", "id = = 1\n", "would not be valid TOML"},
		{"escaping path", "../evil.toml", "a = 1\n", "not a relative path"},
		{"absolute path", "/tmp/evil.toml", "a = 1\n", "not a relative path"},
		{"not TOML", "blocs/b1.txt", "a = 1\n", "not a relative path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			r := mustImport(t, tsv(small...))
			r.Files[tt.path] = []byte(tt.data)
			err := Write(dir, r)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want %q", err, tt.want)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 0 {
				t.Errorf("wrote %v", entries)
			}
		})
	}
}

// TestWriteBlockedTarget checks that when a file cannot be written (here a
// directory stands where it should go), the files before it are not
// written either.
func TestWriteBlockedTarget(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "modalites.toml", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	err := Write(dir, mustImport(t, tsv(small...)))
	if err == nil {
		t.Fatal("no error")
	}
	if _, err := os.Stat(filepath.Join(dir, "blocs", "b1.toml")); err == nil {
		t.Error("blocs/b1.toml was written although modalites.toml failed")
	}
	assertNoTemp(t, dir)
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && (strings.Contains(d.Name(), ".tmp") || strings.Contains(d.Name(), ".old")) {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
}
