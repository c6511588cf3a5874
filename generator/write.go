package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Write publishes out into dest atomically: it writes everything into a new
// directory beside dest and swaps it in only when every file is written, so
// a failure leaves the previous site untouched. No file can land outside
// dest: paths are checked before anything is written.
func Write(out *Output, dest string) error {
	dest = filepath.Clean(dest)
	names := make([]string, 0, len(out.Files))
	for name := range out.Files {
		if !safePath(name) {
			return fmt.Errorf("write: output path %q leaves the destination", name)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".new-")
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := writeAll(tmp, names, out.Files); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("write: %w", err)
	}
	return swap(tmp, dest)
}

// safePath reports whether a slash path stays inside the output root.
func safePath(name string) bool {
	if name == "" || strings.HasPrefix(name, "/") || strings.Contains(name, "\\") || strings.ContainsRune(name, 0) {
		return false
	}
	for _, seg := range strings.Split(name, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return false
		}
	}
	return true
}

func writeAll(root string, names []string, files map[string][]byte) error {
	dirs := map[string]bool{}
	for _, n := range names {
		dirs[filepath.Dir(filepath.Join(root, filepath.FromSlash(n)))] = true
	}
	for d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		next  = make(chan string)
	)
	for w := 0; w < runtime.GOMAXPROCS(0)*2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range next {
				err := os.WriteFile(filepath.Join(root, filepath.FromSlash(n)), files[n], 0o644)
				if err != nil {
					mu.Lock()
					if first == nil {
						first = fmt.Errorf("write: %w", err)
					}
					mu.Unlock()
				}
			}
		}()
	}
	for _, n := range names {
		next <- n
	}
	close(next)
	wg.Wait()
	return first
}

// swap replaces dest by tmp with two renames; the old site is removed last.
func swap(tmp, dest string) error {
	old := ""
	if _, err := os.Lstat(dest); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dest, old); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("write: %w", err)
		}
	}
	if err := os.Rename(tmp, dest); err != nil {
		if old != "" {
			os.Rename(old, dest)
		}
		os.RemoveAll(tmp)
		return fmt.Errorf("write: %w", err)
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// dirWriter writes a site file by file into a new directory beside dest,
// from many goroutines, and swaps it in at commit.
type dirWriter struct {
	dest, tmp string
	dirs      sync.Map // directories already created
	mu        sync.Mutex
	first     error
}

func newDirWriter(dest string) (*dirWriter, error) {
	dest = filepath.Clean(dest)
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".new-")
	if err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	return &dirWriter{dest: dest, tmp: tmp}, nil
}

func (w *dirWriter) write(name string, data []byte) error {
	if !safePath(name) {
		return w.fail(fmt.Errorf("write: output path %q leaves the destination", name))
	}
	p := filepath.Join(w.tmp, filepath.FromSlash(name))
	dir := filepath.Dir(p)
	if _, ok := w.dirs.Load(dir); !ok {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return w.fail(fmt.Errorf("write: %w", err))
		}
		w.dirs.Store(dir, true)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return w.fail(fmt.Errorf("write: %w", err))
	}
	return nil
}

func (w *dirWriter) fail(err error) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.first == nil {
		w.first = err
	}
	return err
}

func (w *dirWriter) err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.first
}

func (w *dirWriter) abort() { os.RemoveAll(w.tmp) }

func (w *dirWriter) commit() error {
	if err := os.Chmod(w.tmp, 0o755); err != nil {
		w.abort()
		return fmt.Errorf("write: %w", err)
	}
	return swap(w.tmp, w.dest)
}
