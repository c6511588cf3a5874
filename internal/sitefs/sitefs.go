// Package sitefs opens a site's directory as the fs.FS every stage of cursus
// reads from. It keeps reads inside the site and away from files that are
// not files:
//
//   - every name is resolved by an os.Root, so a symbolic link (or "..")
//     that leads out of the site's directory is an error, never a read of
//     /etc/passwd published as a static asset;
//   - a name that is neither a regular file nor a directory (a named pipe, a
//     socket, a device) is refused before it is opened: opening a pipe for
//     reading waits for a writer, and would hang a build for ever;
//   - a symbolic link to a directory is refused, in content/ as in static/:
//     following them would let a link to a parent walk the tree for ever.
//     A link to a file inside the site is read as that file.
//
// ReadDir reports the entries it refuses as one error, beside the entries it
// keeps, so that a loader lists every refused name and goes on with the rest.
package sitefs

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
	"strings"
	"syscall"
)

// FS is a site's directory, read through an os.Root.
type FS struct {
	root *os.Root
	fsys fs.FS // root.FS()
}

// Open opens the directory dir. The FS holds a file descriptor of dir until
// Close; the dev server keeps one open while it runs.
func Open(dir string) (*FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &FS{root: root, fsys: root.FS()}, nil
}

// Close releases the directory.
func (f *FS) Close() error { return f.root.Close() }

// Errors returned, wrapped in an *fs.PathError naming the file. Their
// texts are French; the content loader says them in the site's language
// (msg.FileSpecial…).
var (
	ErrSpecial    = errors.New("n’est ni un fichier ni un dossier (tube nommé, socket ou périphérique) : cursus ne le lit pas ; retirez-le du site")
	ErrDirLink    = errors.New("est un lien symbolique vers un dossier : cursus ne suit pas ces liens ; copiez le dossier à cet endroit")
	ErrOutside    = errors.New("est un lien symbolique qui sort du dossier du site : cursus ne lit rien hors du site")
	ErrBrokenLink = errors.New("est un lien symbolique cassé")
)

// Open opens a file or directory, after checking what it is.
func (f *FS) Open(name string) (fs.File, error) {
	if _, err := f.check("open", name); err != nil {
		return nil, err
	}
	return f.fsys.Open(name)
}

// ReadFile reads a regular file whole.
//
// It resolves name once: the file is opened without waiting
// (O_NONBLOCK: a named pipe opens at once instead of waiting for a writer,
// a socket does not open) and then asked what it is. Stat-then-open, as
// Open does, walks the path through the root twice; a site's content is
// thousands of files.
func (f *FS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	file, err := f.root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		// check says why, in the words of this package.
		if _, cerr := f.check("read", name); cerr != nil {
			return nil, cerr
		}
		return nil, err
	}
	defer file.Close()
	fi, err := file.Stat()
	switch {
	case err != nil:
		return nil, err
	case fi.IsDir():
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("est un dossier")}
	case !fi.Mode().IsRegular():
		return nil, &fs.PathError{Op: "read", Path: name, Err: ErrSpecial}
	}
	// Sized from the file, with room for the read that finds its end.
	buf := bytes.NewBuffer(make([]byte, 0, fi.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(file); err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return buf.Bytes(), nil
}

// IsLink reports whether name is a symbolic link (to a file inside the
// site, which the other methods read as that file).
func (f *FS) IsLink(name string) bool {
	fi, err := f.root.Lstat(name)
	return err == nil && fi.Mode()&fs.ModeSymlink != 0
}

// Stat returns what name is, following a link inside the site.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	return f.check("stat", name)
}

// ReadDir lists a directory, sorted by name. Links to files inside the site
// are listed as the files they lead to; the entries it refuses are left out
// and reported together in the error.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	if _, err := f.check("readdir", name); err != nil {
		return nil, err
	}
	entries, err := fs.ReadDir(f.fsys, name)
	if err != nil {
		return nil, err
	}
	kept := entries[:0]
	var refused []error
	for _, e := range entries {
		p := path.Join(name, e.Name())
		switch t := e.Type(); {
		case t.IsDir() || t.IsRegular():
			kept = append(kept, e)
		case t&fs.ModeSymlink != 0:
			fi, err := f.check("readdir", p)
			if err != nil {
				refused = append(refused, err)
			} else if fi.IsDir() {
				refused = append(refused, &fs.PathError{Op: "readdir", Path: p, Err: ErrDirLink})
			} else {
				kept = append(kept, fs.FileInfoToDirEntry(renamed{fi, e.Name()}))
			}
		default:
			refused = append(refused, &fs.PathError{Op: "readdir", Path: p, Err: ErrSpecial})
		}
	}
	return kept, errors.Join(refused...)
}

// check stats name through the root, following links that stay inside the
// site, and refuses what cursus must not open.
func (f *FS) check(op, name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	fi, err := f.root.Stat(name)
	if err != nil {
		var pe *fs.PathError
		switch {
		case errors.Is(err, fs.ErrNotExist) && f.isLink(name):
			err = ErrBrokenLink
		case errors.As(err, &pe) && strings.Contains(pe.Err.Error(), "escapes"):
			// os.Root's error for a path that resolves outside it has no
			// exported value to test against.
			err = ErrOutside
		case errors.As(err, &pe):
			err = pe.Err
		}
		return nil, &fs.PathError{Op: op, Path: name, Err: err}
	}
	if !fi.IsDir() && !fi.Mode().IsRegular() {
		return nil, &fs.PathError{Op: op, Path: name, Err: ErrSpecial}
	}
	return fi, nil
}

func (f *FS) isLink(name string) bool {
	fi, err := f.root.Lstat(name)
	return err == nil && fi.Mode()&fs.ModeSymlink != 0
}

// renamed is the FileInfo of a link's target under the link's own name.
type renamed struct {
	fs.FileInfo
	name string
}

func (r renamed) Name() string { return r.name }

var _ interface {
	fs.ReadDirFS
	fs.ReadFileFS
	fs.StatFS
} = (*FS)(nil)
