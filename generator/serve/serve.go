// Package serve is the dev server behind cursus serve: it builds the site
// into memory, serves it, watches the sources and, after each save, rebuilds
// and tells the browsers over Server-Sent Events to reload the pages that
// changed, to swap a stylesheet in place, or to show the build's errors.
//
// The pieces, one per file: batch.go groups file events into rebuilds,
// watch.go and poll.go find the changes, filter.go says which matter,
// files.go keeps what the builds read until an event names it, diff.go
// compares two builds, events.go and live.js carry the news to the
// browser, handler.go serves the one complete build that is current. A
// build may hand over first the pages browsers are on (BuildOptions.Early):
// they are served and told at once, and every other request waits for the
// build to be done.
package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"cursus/generator/config"
	"cursus/generator/diag"
	"cursus/generator/msg"
	"cursus/internal/sitefs"
)

// Options configure a Server. The zero value of each field but Build is a
// sensible default.
type Options struct {
	Source            string        // the site's directory; "." when empty
	Bind              string        // address to listen on; 127.0.0.1 when empty
	Port              int           // first port to try; 0 picks any free one
	Poll              time.Duration // when > 0, poll for changes at this interval instead of using fsnotify
	NavigateToChanged bool          // after an edit, send browsers to the page it changed
	Build             BuildFunc
	Stdout, Stderr    io.Writer // progress and errors; discarded when nil

	// Window is the quiet time that ends a batch of file events; 5 ms when
	// zero. Short, because editors finish a save in a millisecond or two
	// (vim's five events: 3 ms), and every millisecond here is one more
	// before the page changes: the browser paints on a 16.7 ms clock, and
	// on the bundled site 10 ms made most saves miss the frame that 5 ms
	// catches (save → paint p50 44 → 29 ms). A longer save storm gives two
	// rebuilds, the last of the final files; never a lost change.
	Window time.Duration
}

// Server is a running dev server.
type Server struct {
	opts    Options
	dir     string     // the site's directory, absolute
	root    *sitefs.FS // read through an os.Root: nothing outside the site
	files   *files     // root as the builds read it, remembered between them
	ln      net.Listener
	baseURL string
	hub     *hub
	done    chan struct{}

	changes chan string
	refused atomic.Int64 // event streams refused for lack of room
	source  interface {
		run(context.Context)
		retarget(targets) error
	}

	// Touched only by the goroutine that rebuilds.
	build   int64
	targets targets

	logMu sync.Mutex
}

// New binds the address, starts watching and makes the first build. A
// failed first build is not an error: the server shows the errors until
// they are fixed.
func New(opts Options) (*Server, error) {
	if opts.Build == nil {
		return nil, errors.New("serve: no build function")
	}
	if opts.Source == "" {
		opts.Source = "."
	}
	if opts.Bind == "" {
		opts.Bind = "127.0.0.1"
	}
	if opts.Window == 0 {
		opts.Window = 5 * time.Millisecond
	}
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	dir, err := filepath.Abs(opts.Source)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("serve: %s is not a directory", opts.Source)
	}
	root, err := sitefs.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	s := &Server{
		opts: opts, dir: dir, root: root,
		done:    make(chan struct{}),
		changes: make(chan string, 256),
		// Build numbers start from the clock so that a page left open
		// across a restart of the server is seen as stale and reloads.
		build: time.Now().UnixMilli(),
	}
	s.hub = newHub(s.done)
	if !isLoopback(opts.Bind) {
		s.logf(opts.Stderr, "warning: listening on %s: other machines can reach this preview; use --bind 127.0.0.1 to keep it private\n", opts.Bind)
	}
	if s.ln, err = listen(opts.Bind, opts.Port, opts.Stderr); err != nil {
		root.Close()
		return nil, err
	}
	s.baseURL = "http://" + urlHost(opts.Bind, s.ln.Addr()) + "/"
	s.targets = s.loadTargets(config.Default())
	s.files = newFiles(root, s.targets)
	if opts.Poll > 0 {
		s.source = newPoller(dir, s.targets, opts.Poll, s.changes)
	} else if s.source, err = newWatcher(dir, s.targets, s.changes, s.watchFailed); err != nil {
		s.ln.Close()
		root.Close()
		return nil, err
	}
	s.rebuild(nil)
	return s, nil
}

// URL is the address the site is served at.
func (s *Server) URL() string { return s.baseURL }

// Run serves and rebuilds on change until ctx is cancelled, then stops the
// server, closing the browsers' event streams.
func (s *Server) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer s.root.Close()
	batches := make(chan []string)
	go s.source.run(ctx)
	go batchEvents(ctx, s.changes, batches, s.opts.Window, 10*s.opts.Window)

	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(s.ln) }()
	s.logf(s.opts.Stdout, "serving %s at %s (press Ctrl-C to stop)\n", s.opts.Source, s.baseURL)
	for {
		select {
		case <-ctx.Done():
			close(s.done)
			// Let answers being written finish, briefly: connections a
			// browser opened ahead and never used would hold Shutdown for
			// seconds, and Ctrl-C should feel instant.
			stop, cancelStop := context.WithTimeout(context.Background(), 500*time.Millisecond)
			defer cancelStop()
			if srv.Shutdown(stop) != nil {
				srv.Close()
			}
			return nil
		case err := <-served:
			return fmt.Errorf("serve: %w", err)
		case b := <-batches:
			s.rebuild(b)
		}
	}
}

// rebuild makes a new build after the files in changed (relative to the
// site root) changed, swaps it in and tells the browsers. A failed build
// keeps the last good one served, with its errors shown over it.
func (s *Server) rebuild(changed []string) {
	if slices.Contains(changed, config.File) || slices.Contains(changed, ".") { // "." : events were lost
		s.reconfigure()
	}
	s.build++
	start := time.Now()
	s.files.forget(changed)
	prev := s.hub.current.Load()
	opts, early := s.first(prev)
	defer early.done()
	site, err := s.opts.Build(s.files, opts)
	took := time.Since(start).Milliseconds()
	if err != nil {
		errs, lang := errorLines(err), s.lang()
		next, still := &snapshot{build: s.build, errors: errs, lang: lang}, msg.ServeShowingErrors
		if prev != nil && prev.site != nil {
			next, still = prev.withErrors(errs), msg.ServeLastGood
		}
		// A browser that showed a page of this build goes back to the
		// last good one.
		s.hub.publish(next, message{Build: next.build, Errors: errs, Shown: early.pages})
		s.logf(s.opts.Stderr, "%s\n%s\n", joinLines(errs), lang.F(msg.ServeBuildFailed, took, len(errs), lang.F(still)))
		return
	}
	next := newSnapshot(site, s.build)
	m := changes(prev, next, changed, s.opts.NavigateToChanged)
	m.Shown = early.same(next)
	m.Pages = early.differ(m.Pages, m.Shown)
	s.hub.publish(next, m)
	if len(site.Warnings) > 0 {
		s.logf(s.opts.Stderr, "%s\n", joinLines(site.Warnings))
	}
	s.logf(s.opts.Stdout, "%s in %d ms\n", describe(m, changed), took)
}

// early is what a build showed before it was done: the pages browsers
// are on, rendered first (BuildOptions.First).
type early struct {
	files map[string][]byte
	pages []string      // the site paths of those that changed, told to the browsers
	ready chan struct{} // closed when the build is done
}

// first asks the build for the pages the browsers show, when the last
// build is good: the build hands them over before it renders the rest,
// and those that changed are served and told to the browsers at once.
// Every other request waits for the build (snapshot.ready).
func (s *Server) first(prev *snapshot) (BuildOptions, *early) {
	opts := BuildOptions{BaseURL: s.baseURL}
	e := &early{ready: make(chan struct{})}
	if prev == nil || prev.site == nil || len(prev.errors) > 0 {
		return opts, e
	}
	for _, p := range s.hub.viewed() {
		if name, _, ok := lookup(prev.site.Files, p); ok && isHTML(name) {
			opts.First = append(opts.First, name)
		}
	}
	build := s.build
	opts.Early = func(files map[string][]byte) {
		shown := prev.withEarly(files, build, e.ready)
		// Only pages changed inside <main> are told: the browser swaps it
		// in place. Another change (a stylesheet renamed, the layout
		// around) waits for the build, which says how to show it.
		m := message{Build: build, Errors: []string{}, Warnings: prev.site.Warnings, Early: true}
		for _, name := range slices.Sorted(maps.Keys(files)) {
			if changed, inMain := pageChanged(prev, shown, name, nil); changed && inMain {
				m.Pages = append(m.Pages, pagePath(name))
				m.Main = append(m.Main, pagePath(name))
			}
		}
		if len(m.Pages) == 0 {
			return // nothing to show before the build is done
		}
		e.files, e.pages = files, m.Pages
		s.hub.publish(shown, m)
	}
	return opts, e
}

// same returns the pages shown early that the finished build publishes
// as they were shown: their browsers are up to date.
func (e *early) same(next *snapshot) []string {
	var pages []string
	for _, p := range e.pages {
		name, _, _ := lookup(next.site.Files, p)
		if data, ok := next.site.Files[name]; ok && bytes.Equal(data, e.files[name]) {
			pages = append(pages, p)
		}
	}
	return pages
}

// differ adds to pages those shown early that the build does not publish
// as they were shown: their browsers fetch them again.
func (e *early) differ(pages, same []string) []string {
	for _, p := range e.pages {
		if !slices.Contains(same, p) && !slices.Contains(pages, p) {
			pages = append(pages, p)
		}
	}
	return pages
}

// done lets the requests that waited for the build go on.
func (e *early) done() { close(e.ready) }

// reconfigure re-reads config.toml and moves the watches when the theme or
// the content directory changed. A broken config.toml changes nothing: the
// build reports it.
func (s *Server) reconfigure() {
	cfg, err := config.Load(s.root)
	if err != nil {
		return
	}
	t := targetsOf(cfg)
	if t.equal(s.targets) {
		return
	}
	if err := s.source.retarget(t); err != nil {
		s.watchFailed(err)
	}
	s.targets = t
	s.files.retarget(t)
	s.logf(s.opts.Stdout, "config.toml changed: watching %s\n", joinList(t.trees))
}

// loadTargets reads the configuration for what to watch, falling back on
// the defaults when it is broken: the build will say why.
func (s *Server) loadTargets(def config.Config) targets {
	if cfg, err := config.Load(s.root); err == nil {
		return targetsOf(cfg)
	}
	return targetsOf(def)
}

// lang is the language of the site's messages, for the page that shows
// them before any build succeeded: that of config.toml, even a broken one.
func (s *Server) lang() msg.Lang { return config.Lang(s.root) }

func (s *Server) warn(err error) { s.logf(s.opts.Stderr, "cursus serve: %v\n", err) }

// watchFailed reports a failure of the watcher, after which events may be
// missing: the builds read every file again from then on.
func (s *Server) watchFailed(err error) {
	s.files.distrust()
	s.warn(err)
}

func (s *Server) logf(w io.Writer, format string, args ...any) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(w, format, args...)
}

// errorLines turns a build error into lines file:line:col: message.
func errorLines(err error) []string {
	var list diag.List
	if errors.As(err, &list) {
		return list.Lines()
	}
	return []string{err.Error()}
}
