//go:build !unix

package generator

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
)

// createFile writes data to the file p, never through a symbolic link.
func createFile(p string, data []byte) error {
	if fi, err := os.Lstat(p); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		return &fs.PathError{Op: "open", Path: p, Err: fmt.Errorf("a symbolic link")}
	}
	return os.WriteFile(p, data, 0o644)
}

// sameFile reports whether the plain file at p holds exactly data.
func sameFile(p string, data []byte) bool {
	if fi, err := os.Lstat(p); err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return false
	}
	old, err := os.ReadFile(p)
	return err == nil && bytes.Equal(old, data)
}
