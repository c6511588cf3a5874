//go:build unix

package sitefs

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestNamedPipeIsRefused: opening a named pipe for reading waits for a
// writer; the FS must refuse it before opening it, however it is reached.
func TestNamedPipeIsRefused(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "content/a.md", "+++\n+++\n")
	if err := syscall.Mkfifo(filepath.Join(dir, "content", "pipe.md"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	f := open(t, dir)
	done := make(chan error, 1)
	go func() {
		_, err := fs.ReadFile(f, "content/pipe.md")
		if _, err2 := f.Open("content/pipe.md"); err2 == nil {
			err = errors.New("Open opened the pipe")
		}
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrSpecial) {
			t.Errorf("reading a named pipe: %v, want %v", err, ErrSpecial)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reading a named pipe hangs")
	}
	entries, err := f.ReadDir("content")
	if len(entries) != 1 || entries[0].Name() != "a.md" || err == nil || !strings.Contains(err.Error(), "content/pipe.md") {
		t.Errorf("ReadDir: %v, %v; want a.md and an error naming the pipe", entries, err)
	}
}
