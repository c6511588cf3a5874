package serve

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
)

// files is the site's directory as the builds read it: it remembers every
// file read and every directory listed under the watched trees until the
// watcher or the poller reports a change to it. A save changes one file;
// a build of 6,000 pages reads 900 (9 ms of each rebuild at 100
// certifications, opened, sized, read and closed through the os.Root).
//
// The changes come from the events that start the rebuilds: a file written
// after the watch began has its event, and forget runs before the build
// that follows it. Only what the events cover is remembered (targets.
// relevant: config.toml and the trees, not editors' artefacts); anything
// else, and every error, is read again each time. Lost events (".") and a
// new configuration forget everything.
type files struct {
	fsys fs.FS

	mu      sync.Mutex
	off     bool // the watcher failed: events may be missing (distrust)
	targets targets
	data    map[string][]byte
	dirs    map[string][]fs.DirEntry
	stats   map[string]fs.FileInfo
}

func newFiles(fsys fs.FS, t targets) *files {
	f := &files{fsys: fsys}
	f.retarget(t)
	return f
}

// retarget forgets everything and follows the trees of t.
func (f *files) retarget(t targets) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.targets = t
	f.clear()
}

// distrust forgets everything and remembers nothing from now on: the
// watcher failed, and a change may come without its event. The watcher's
// goroutine calls it.
func (f *files) distrust() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.off = true
	f.clear()
}

// clear forgets everything; f.mu is held.
func (f *files) clear() {
	f.data, f.dirs, f.stats = map[string][]byte{}, map[string][]fs.DirEntry{}, map[string]fs.FileInfo{}
}

// forget drops what changed: each path, what is below it (a directory
// removed or renamed) and the listings and stats of the directories above
// it (a file created or removed). Lost events ("."), or more changes than
// a save makes (a git checkout), forget everything.
func (f *files) forget(changed []string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(changed) > 64 || slices.Contains(changed, ".") {
		f.clear()
		return
	}
	for _, p := range changed {
		dropTree(f.data, p)
		dropTree(f.dirs, p)
		dropTree(f.stats, p)
		for d := path.Dir(p); d != "." && d != "/"; d = path.Dir(d) {
			delete(f.dirs, d)
			delete(f.stats, d)
		}
	}
}

// dropTree deletes p and every key below it.
func dropTree[V any](m map[string]V, p string) {
	delete(m, p)
	for k := range m {
		if strings.HasPrefix(k, p+"/") {
			delete(m, k)
		}
	}
}

// kept reports whether reads of name are remembered under the targets t:
// not of a symbolic link, whose target's events name the target (or
// nothing, outside the trees).
func (f *files) kept(t targets, name string) bool {
	if name == "." || !t.relevant(name) {
		return false
	}
	l, ok := f.fsys.(interface{ IsLink(string) bool })
	return !ok || !l.IsLink(name)
}

// Open is not remembered: a stage that opens a file reads it itself.
func (f *files) Open(name string) (fs.File, error) { return f.fsys.Open(name) }

func (f *files) ReadFile(name string) ([]byte, error) {
	return remember(f, f.data, name, func() ([]byte, error) { return fs.ReadFile(f.fsys, name) })
}

func (f *files) ReadDir(name string) ([]fs.DirEntry, error) {
	return remember(f, f.dirs, name, func() ([]fs.DirEntry, error) { return fs.ReadDir(f.fsys, name) })
}

func (f *files) Stat(name string) (fs.FileInfo, error) {
	return remember(f, f.stats, name, func() (fs.FileInfo, error) { return fs.Stat(f.fsys, name) })
}

// remember returns what m holds for name, or reads it and keeps it when
// the read succeeded and the events follow name. Callers never write
// what they get: a builder copies before changing bytes or a listing.
func remember[V any](f *files, m map[string]V, name string, read func() (V, error)) (V, error) {
	f.mu.Lock()
	v, ok := m[name]
	off, t := f.off, f.targets
	f.mu.Unlock()
	if ok {
		return v, nil
	}
	keep := !off && f.kept(t, name)
	v, err := read()
	if err == nil && keep {
		f.mu.Lock()
		m[name] = v
		f.mu.Unlock()
	}
	return v, err
}
