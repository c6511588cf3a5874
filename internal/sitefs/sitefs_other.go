//go:build !unix

package sitefs

import (
	"io/fs"
	"os"
)

// New returns the file system of the directory dir: os.DirFS here.
func New(dir string) fs.FS {
	return os.DirFS(dir)
}
