package importer

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
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

// TestWriteOnlyOverPlainFiles: the import replaces only plain files. A
// named pipe where a file goes would have it wait for ever, a symbolic link
// would have it read outside the site; neither could be put back if a
// later file failed. Each is an error, nothing is written, both stay.
// (A plain file it cannot read is an error too, in stage: not testable as
// root.)
func TestWriteOnlyOverPlainFiles(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "ailleurs.toml")
	if err := os.WriteFile(outside, []byte("# hors du site\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := map[string]func(target string) error{
		"named pipe":    func(target string) error { return syscall.Mkfifo(target, 0o644) },
		"symbolic link": func(target string) error { return os.Symlink(outside, target) },
	}
	for name, create := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			target := filepath.Join(dir, "modalites.toml")
			if err := create(target); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- Write(dir, mustImport(t, tsv(small...))) }()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), "modalites.toml existe et n'est pas un fichier ordinaire") {
					t.Fatalf("error %v, want one saying modalites.toml is not a plain file", err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("Write hangs")
			}
			if fi, err := os.Lstat(target); err != nil || fi.Mode().IsRegular() {
				t.Errorf("modalites.toml was replaced (%v)", err)
			}
			if data, _ := os.ReadFile(outside); string(data) != "# hors du site\n" {
				t.Errorf("the file outside the site was changed: %q", data)
			}
			if _, err := os.Stat(filepath.Join(dir, "blocs", "b1.toml")); err == nil {
				t.Error("blocs/b1.toml was written")
			}
			assertNoTemp(t, dir)
		})
	}
}
