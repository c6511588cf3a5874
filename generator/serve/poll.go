package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"cursus/generator/config"
)

// poller finds changes by comparing the size and modification time of every
// file of the targets at each tick: slower and costlier than events, but it
// works on file systems that send none (network shares, some container
// mounts, WSL's view of Windows drives).
type poller struct {
	root     string
	every    time.Duration
	changes  chan<- string
	mu       sync.Mutex
	t        targets
	previous map[string]stamp
}

// stamp is what polling can see of a file.
type stamp struct {
	size  int64
	mtime int64 // nanoseconds: some file systems only keep seconds, size then helps
	dir   bool
}

func newPoller(root string, t targets, every time.Duration, changes chan<- string) *poller {
	p := &poller{root: root, every: every, changes: changes, t: t}
	p.previous = p.scan()
	return p
}

func (p *poller) retarget(t targets) error {
	p.mu.Lock()
	p.t = t
	p.mu.Unlock()
	return nil
}

func (p *poller) run(ctx context.Context) {
	tick := time.NewTicker(p.every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		now := p.scan()
		for _, rel := range diffStamps(p.previous, now) {
			select {
			case p.changes <- rel:
			case <-ctx.Done():
				return
			}
		}
		p.previous = now
	}
}

// scan stamps config.toml and every relevant file and directory of the trees.
func (p *poller) scan() map[string]stamp {
	p.mu.Lock()
	t := p.t
	p.mu.Unlock()
	out := map[string]stamp{}
	if fi, err := os.Stat(filepath.Join(p.root, config.File)); err == nil {
		out[config.File] = stampOf(fi)
	}
	for _, tr := range t.trees {
		filepath.WalkDir(filepath.Join(p.root, filepath.FromSlash(tr)), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // gone meanwhile, or never there: the build will say
			}
			rel, _ := filepath.Rel(p.root, path)
			rel = filepath.ToSlash(rel)
			if !t.relevant(rel) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if fi, err := d.Info(); err == nil {
				out[rel] = stampOf(fi)
			}
			return nil
		})
	}
	return out
}

func stampOf(fi fs.FileInfo) stamp {
	if fi.IsDir() {
		return stamp{dir: true} // a directory's mtime changes with its files, which are compared anyway
	}
	return stamp{size: fi.Size(), mtime: fi.ModTime().UnixNano()}
}

// diffStamps lists the paths added, removed or changed between two scans.
func diffStamps(before, after map[string]stamp) []string {
	var out []string
	for rel, s := range after {
		if b, ok := before[rel]; !ok || b != s {
			out = append(out, rel)
		}
	}
	for rel := range before {
		if _, ok := after[rel]; !ok {
			out = append(out, rel)
		}
	}
	return out
}
