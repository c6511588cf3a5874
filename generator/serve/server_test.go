package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// start runs a server on a free port until the test ends.
func start(t *testing.T, opts Options) *Server {
	t.Helper()
	opts.Port = 0
	if testing.Verbose() {
		opts.Stdout, opts.Stderr = logWriter{t}, logWriter{t}
	}
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan error, 1)
	go func() { stopped <- s.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-stopped:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("server did not stop")
		}
	})
	return s
}

// versionedBuild is a fake build whose pages all carry the content of
// content/v.txt at their top and bottom, padded to a good size, so that a
// page mixing two builds shows. It counts builds on n.
func versionedBuild(n *atomic.Int64) BuildFunc {
	return func(root fs.FS, o BuildOptions) (*Site, error) {
		v, err := fs.ReadFile(root, "content/v.txt")
		if err != nil {
			return nil, err
		}
		if bytes.HasPrefix(v, []byte("error")) {
			return nil, fmt.Errorf("content/v.txt:1:1: %s", v)
		}
		pad := strings.Repeat("<p>Critère d’évaluation, texte de remplissage.</p>\n", 800)
		site := &Site{Files: map[string][]byte{}, Sources: map[string][]string{}}
		for _, p := range []string{"index.html", "blocs/b1/index.html", "competences/b1-c1/index.html", "404.html"} {
			site.Files[p] = []byte(fmt.Sprintf("<!doctype html>\n<title>%s</title>\n%s<body>%s<footer>%s</footer></body>\n</html>\n", v, pad, p, v))
		}
		n.Add(1)
		return site, nil
	}
}

// TestConcurrentClientsDuringRebuilds has 50 clients request pages while
// the site is rebuilt 20 times: every answer must be a 200 with a whole page
// from one build.
func TestConcurrentClientsDuringRebuilds(t *testing.T) {
	dir := siteDir(t)
	write(t, dir, "content/v.txt", "v0")
	var builds atomic.Int64
	s := start(t, Options{Source: dir, Build: versionedBuild(&builds), Window: 5 * time.Millisecond})

	var stop atomic.Bool
	var requests, failures atomic.Int64
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 50}}
	paths := []string{"", "blocs/b1/", "competences/b1-c1/"}
	for c := 0; c < 50; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; !stop.Load(); i++ {
				if err := checkPage(client, s.URL()+paths[(c+i)%len(paths)]); err != nil {
					if failures.Add(1) <= 5 {
						t.Error(err)
					}
				}
				requests.Add(1)
			}
		}()
	}
	for i := 1; i <= 20; i++ {
		before := builds.Load()
		if i%2 == 0 {
			atomicWrite(t, dir, "content/v.txt", fmt.Sprintf("v%d", i))
		} else {
			write(t, dir, "content/v.txt", fmt.Sprintf("v%d", i))
		}
		deadline := time.Now().Add(5 * time.Second)
		for builds.Load() == before && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		if builds.Load() == before {
			t.Fatalf("save %d: no rebuild", i)
		}
	}
	time.Sleep(50 * time.Millisecond)
	stop.Store(true)
	wg.Wait()
	t.Logf("%d requests during %d builds, %d failures", requests.Load(), builds.Load(), failures.Load())
	if err := checkPage(client, s.URL()); err != nil || !strings.Contains(fetch(t, s.URL()), "<title>v20</title>") {
		t.Errorf("last build not served: %v", err)
	}
}

// checkPage fetches a page and checks it is whole and from one build.
func checkPage(client *http.Client, url string) error {
	res, err := client.Get(url)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return fmt.Errorf("%s: %v", url, err)
	}
	if res.StatusCode != 200 {
		return fmt.Errorf("%s: status %d", url, res.StatusCode)
	}
	if res.ContentLength != int64(len(body)) {
		return fmt.Errorf("%s: %d bytes, Content-Length %d", url, len(body), res.ContentLength)
	}
	b := string(body)
	if !strings.HasPrefix(b, "<!doctype html>\n<title>") || !strings.HasSuffix(b, "</body>\n</html>\n") {
		return fmt.Errorf("%s: truncated page", url)
	}
	title := b[len("<!doctype html>\n<title>"):strings.Index(b, "</title>")]
	if !strings.Contains(b, "<footer>"+title+"</footer>") {
		return fmt.Errorf("%s: page mixes builds (title %s)", url, title)
	}
	return nil
}

func fetch(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return string(b)
}

// TestEvents follows the event stream through a good build, a broken one
// and its fix.
func TestEvents(t *testing.T) {
	dir := siteDir(t)
	write(t, dir, "content/v.txt", "v0")
	var builds atomic.Int64
	s := start(t, Options{Source: dir, Build: versionedBuild(&builds), Window: 5 * time.Millisecond})
	first := s.hub.current.Load().build

	events := subscribe(t, s.URL(), first)
	write(t, dir, "content/v.txt", "v1")
	m := next(t, events)
	if len(m.Errors) != 0 || !m.All || m.Build <= first {
		t.Errorf("after a change: %+v", m)
	}
	good := m.Build
	write(t, dir, "content/v.txt", "error: bad value")
	m = next(t, events)
	if len(m.Errors) != 1 || m.Errors[0] != "content/v.txt:1:1: error: bad value" || m.Build != good {
		t.Errorf("after an error: %+v", m)
	}
	if !strings.Contains(fetch(t, s.URL()), "<title>v1</title>") {
		t.Error("the last good build is not served while the content is broken")
	}
	// A browser arriving now learns of the errors at once.
	late := subscribe(t, s.URL(), good)
	if m := next(t, late); len(m.Errors) != 1 || m.All {
		t.Errorf("late subscriber: %+v", m)
	}
	// One whose page is older is told to reload.
	if m := next(t, subscribe(t, s.URL(), first)); !m.All {
		t.Errorf("stale subscriber: %+v", m)
	}
	write(t, dir, "content/v.txt", "v2")
	if m := next(t, events); len(m.Errors) != 0 || m.Build <= good {
		t.Errorf("after the fix: %+v", m)
	}
}

func subscribe(t *testing.T, base string, build int64) <-chan message {
	t.Helper()
	return subscribeOn(t, base, build, "")
}

// subscribeOn follows the events as the script of page does.
func subscribeOn(t *testing.T, base string, build int64, page string) <-chan message {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", fmt.Sprintf("%s__cursus/events?b=%d&p=%s", base, build, url.QueryEscape(page)), nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	out := make(chan message, 16)
	go func() {
		defer res.Body.Close()
		sc := bufio.NewScanner(res.Body)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			data, ok := strings.CutPrefix(sc.Text(), "data: ")
			if !ok {
				continue
			}
			var m message
			if err := json.Unmarshal([]byte(data), &m); err != nil {
				t.Errorf("event %q: %v", data, err)
			}
			out <- m
		}
	}()
	return out
}

func next(t *testing.T, events <-chan message) message {
	t.Helper()
	select {
	case m := <-events:
		return m
	case <-time.After(3 * time.Second):
		t.Fatal("no event")
		return message{}
	}
}

// logWriter shows the server's output in the test log (with -v).
type logWriter struct{ t testing.TB }

func (w logWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// TestPageOnScreenFirst: a build that hands over the page a browser is on
// before it is done (BuildOptions.Early) has it served and told at once;
// every other file waits for the build, and the build's last message says
// the page is up to date, or, when the build failed, sends the browser
// back to the last good page.
func TestPageOnScreenFirst(t *testing.T) {
	dir := siteDir(t)
	write(t, dir, "content/v.txt", "v0")
	gate := make(chan struct{})
	// The page shows v in its <main>, what follows "title:" in v in its
	// title.
	page := func(v []byte) []byte {
		main, title, _ := strings.Cut(string(v), "title:")
		return []byte("<!doctype html><title>b1" + title + "</title><main>" + main + "</main>")
	}
	build := func(root fs.FS, o BuildOptions) (*Site, error) {
		v, err := fs.ReadFile(root, "content/v.txt")
		if err != nil {
			return nil, err
		}
		all := v                                       // the home shows it all
		v, liar := bytes.CutPrefix(v, []byte("liar:")) // a build whose page first is not its page
		if slices.Contains(o.First, "blocs/b1/index.html") && o.Early != nil {
			first := page(v)
			if liar {
				first = bytes.Replace(first, []byte("</main>"), []byte(" (first)</main>"), 1)
			}
			o.Early(map[string][]byte{"blocs/b1/index.html": first})
			if !bytes.Contains(v, []byte("title:")) {
				<-gate
			}
		}
		if bytes.HasPrefix(v, []byte("error")) {
			return nil, fmt.Errorf("content/v.txt:1:1: %s", v)
		}
		return &Site{Files: map[string][]byte{"index.html": []byte("<title>" + string(all) + "</title>"), "blocs/b1/index.html": page(v),
			"404.html": []byte("<title>404</title>")}}, nil
	}
	s := start(t, Options{Source: dir, Build: build})
	events := subscribeOn(t, s.URL(), s.hub.current.Load().build, "/blocs/b1/")
	for !slices.Contains(s.hub.viewed(), "/blocs/b1/") {
		time.Sleep(time.Millisecond)
	}

	write(t, dir, "content/v.txt", "v1")
	m := next(t, events)
	if !m.Early || !slices.Equal(m.Pages, []string{"/blocs/b1/"}) || !slices.Equal(m.Main, []string{"/blocs/b1/"}) || len(m.Shown) > 0 {
		t.Fatalf("the page on screen, before the build is done: %+v", m)
	}
	if body := fetch(t, s.URL()+"blocs/b1/"); !strings.Contains(body, "<main>v1</main>") {
		t.Errorf("the page on screen is served %q before the build is done", body)
	}
	home := make(chan string, 1)
	go func() {
		res, err := http.Get(s.URL())
		if err != nil {
			home <- err.Error()
			return
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		home <- string(b)
	}()
	select {
	case body := <-home:
		t.Fatalf("another page was served while the build was under way: %q", body)
	case <-time.After(100 * time.Millisecond):
	}
	gate <- struct{}{}
	if body := <-home; !strings.Contains(body, "<title>v1</title>") {
		t.Errorf("the home after the build: %q", body)
	}
	if m := next(t, events); !slices.Equal(m.Shown, []string{"/blocs/b1/"}) || len(m.Errors) > 0 {
		t.Errorf("the build done: %+v, want the page on screen shown", m)
	}

	write(t, dir, "content/v.txt", "error: bad")
	if m := next(t, events); !slices.Equal(m.Pages, []string{"/blocs/b1/"}) {
		t.Fatalf("the page of the broken build, first: %+v", m)
	}
	gate <- struct{}{}
	if m := next(t, events); len(m.Errors) != 1 || !slices.Equal(m.Shown, []string{"/blocs/b1/"}) {
		t.Errorf("the build failed: %+v, want its errors and the page shown", m)
	}
	if body := fetch(t, s.URL()+"blocs/b1/"); !strings.Contains(body, "<main>v1</main>") {
		t.Errorf("after the failed build, the page is %q, want the last good one", body)
	}

	// A change outside <main> is not told before the build is done: the
	// build says how to show it.
	write(t, dir, "content/v.txt", "v1title: nouveau")
	if m := next(t, events); m.Early || !slices.Contains(m.Pages, "/blocs/b1/") || len(m.Shown) > 0 {
		t.Errorf("a change outside <main>: %+v, want the build's message only", m)
	}

	// A page given first that the build does not publish as it was is
	// fetched again, even when the build publishes it as it was before.
	write(t, dir, "content/v.txt", "liar:v1title: nouveau")
	if m := next(t, events); !m.Early {
		t.Fatalf("the page first: %+v", m)
	}
	if m := next(t, events); len(m.Shown) > 0 || !slices.Contains(m.Pages, "/blocs/b1/") {
		t.Errorf("a page shown first and published otherwise: %+v, want it changed again", m)
	}
}
