package serve

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"cursus/generator"
	"cursus/internal/browsertest"
	"cursus/internal/testsite"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// realBuild is what cursus serve builds with.
func realBuild(root fs.FS, o BuildOptions) (*Site, error) {
	out, err := generator.Build(root, generator.Options{BaseURL: o.BaseURL})
	if err != nil {
		return nil, err
	}
	return &Site{Files: out.Files, Sources: out.Sources, Assets: out.Assets}, nil
}

// copySite copies the bundled site (content, themes, config.toml) into a
// temporary directory the test can edit.
func copySite(t testing.TB) string { return testsite.Bundled(t, "../..") }

// edit replaces old by new in a file of the site, in place or atomically.
func edit(t testing.TB, dir, rel, old, new string, atomic bool) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", rel, old)
	}
	data = []byte(strings.Replace(string(data), old, new, 1))
	if !atomic {
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".tmp")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

// lineOf returns the 1-based line of the first occurrence of s in a file.
func lineOf(t *testing.T, dir, rel, s string) int {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(data), s)
	if i < 0 {
		t.Fatalf("%s has no %q", rel, s)
	}
	return strings.Count(string(data[:i]), "\n") + 1
}

func open(t testing.TB, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
}

func eval[T any](t testing.TB, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// waitJS waits until the expression is true. It is checked in the page,
// on each change of the DOM, rather than polled from here over the
// DevTools protocol, which took enough CPU from the server it measures to
// add 15 ms to each save; a reload ends the evaluation, which is then
// started again in the new page.
func waitJS(t testing.TB, ctx context.Context, js string, timeout time.Duration) bool {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	wait := `new Promise((resolve) => {
  // The interval catches what no event announces (a variable set).
  const iv = setInterval(() => check(), 5);
  const check = () => { try { if (` + js + `) { clearInterval(iv); resolve(true); } } catch (e) {} };
  new MutationObserver(check).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
  document.addEventListener("readystatechange", check);
  addEventListener("load", check);
  addEventListener("scroll", check);
  check();
})`
	for ctx.Err() == nil {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](wait, chromedp.EvalAwaitPromise)); err == nil && ok {
			return true
		}
		time.Sleep(2 * time.Millisecond)
	}
	return false
}

func mustWait(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	if !waitJS(t, ctx, js, 5*time.Second) {
		text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname + "\n" + document.body.innerText.slice(0, 2000)`))
		t.Fatalf("%s: %s never held; the page shows:\n%s", what, js, text)
	}
}

// criteriaHas is true once the page lists criterion s and its scripts
// have run (the live script restores the scroll position when it runs).
func scrollTo(t *testing.T, ctx context.Context, y float64) {
	t.Helper()
	// Instant: the theme scrolls smoothly.
	if got := eval[float64](t, ctx, fmt.Sprintf(`scrollTo({top: %v, behavior: "instant"}), scrollY`, y)); got != y {
		t.Fatalf("scrolled to %v, want %v", got, y)
	}
}

func criteriaHas(s string) string {
	return fmt.Sprintf(`document.readyState === "complete" && (document.querySelector("ol.criteria") || {textContent: ""}).textContent.includes(%q)`, s)
}

func TestBrowserLivePreview(t *testing.T) {
	ctx := browsertest.New(t, 1280, 800)
	dir := copySite(t)
	s := start(t, Options{Source: dir, Build: realBuild})
	const bloc = "content/blocs/b1.toml"

	t.Run("criterion edited", func(t *testing.T) {
		open(t, ctx, s.URL()+"competences/b1-c1/")
		edit(t, dir, bloc, "Clarté et précision de la documentation", "Clarté modifiée de la documentation", false)
		mustWait(t, ctx, "plain save", criteriaHas("Clarté modifiée de la documentation"))
	})

	t.Run("atomic save, swapped in place", func(t *testing.T) {
		scrollTo(t, ctx, 300)
		eval[bool](t, ctx, `window.__marker = "kept", true`)
		edit(t, dir, bloc, "Clarté modifiée", "Clarté renommée", true)
		mustWait(t, ctx, "atomic save", criteriaHas("Clarté renommée de la documentation"))
		// Only <main> changed: it was swapped, the page not reloaded.
		if m := eval[string](t, ctx, `String(window.__marker)`); m != "kept" {
			t.Errorf("the page reloaded: marker %q", m)
		}
		if y := eval[float64](t, ctx, `scrollY`); y != 300 {
			t.Errorf("scroll moved to %v", y)
		}
	})

	t.Run("template edited: reload keeps the scroll position", func(t *testing.T) {
		scrollTo(t, ctx, 300)
		edit(t, dir, "themes/default/layouts/partials/chrome.html", `<footer class="site-footer">`, `<footer class="site-footer"><p>Pied modifié</p>`, true)
		mustWait(t, ctx, "template change", `document.readyState === "complete" && document.querySelector("footer").textContent.includes("Pied modifié")`)
		if m := eval[string](t, ctx, `String(window.__marker)`); m != "undefined" {
			t.Errorf("the page did not reload: marker %q", m)
		}
		if !waitJS(t, ctx, `Math.abs(scrollY - 300) < 2`, 2*time.Second) {
			t.Errorf("scroll not restored: at %v", eval[float64](t, ctx, `scrollY`))
		}
	})

	t.Run("stylesheet swapped without reload", func(t *testing.T) {
		eval[bool](t, ctx, `window.__marker = "kept", true`)
		p := filepath.Join(dir, "themes/default/static/style.css")
		css, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, append(css, "\nbody { outline: 3px solid rgb(1, 2, 3); }\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
		mustWait(t, ctx, "new style", `getComputedStyle(document.body).outlineColor === "rgb(1, 2, 3)"`)
		if m := eval[string](t, ctx, `String(window.__marker)`); m != "kept" {
			t.Errorf("the page reloaded: marker %q", m)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll('link[rel="stylesheet"]').length`); n != 1 {
			t.Errorf("%d stylesheet links after the swap, want 1", n)
		}
	})

	t.Run("error overlay", func(t *testing.T) {
		const overlay = `(document.querySelector('#cursus-errors[role="alert"]') || {textContent: ""}).textContent`
		line := lineOf(t, dir, bloc, `id = "B1.C1"`)
		where := fmt.Sprintf("%s:%d:", bloc, line)
		edit(t, dir, bloc, `id = "B1.C1"`, `id = "B1.C1`, true)
		mustWait(t, ctx, "overlay", fmt.Sprintf(`%s.includes(%q)`, overlay, where))
		if !eval[bool](t, ctx, criteriaHas("Clarté renommée")) {
			t.Error("the last good page is gone")
		}
		edit(t, dir, bloc, `id = "B1.C1`, `id = "B1.C1"`, false)
		mustWait(t, ctx, "fixed", `!document.querySelector("#cursus-errors")`)

		// Dismissed, it stays away while the errors are the same.
		edit(t, dir, bloc, `id = "B1.C1"`, `id = "B1.C1`, false)
		mustWait(t, ctx, "overlay again", fmt.Sprintf(`%s.includes(%q)`, overlay, where))
		eval[bool](t, ctx, `document.querySelector("#cursus-errors button").click(), true`)
		if eval[bool](t, ctx, `!!document.querySelector("#cursus-errors")`) {
			t.Error("overlay still there after Fermer")
		}
		edit(t, dir, bloc, `id = "B1.C1`, `id = "B1.C1"`, true)
		deadline := time.Now().Add(5 * time.Second)
		for len(s.hub.current.Load().errors) > 0 && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		if errs := s.hub.current.Load().errors; len(errs) > 0 {
			t.Fatalf("still failing after the fix: %q", errs)
		}
	})

	t.Run("new page in a new directory", func(t *testing.T) {
		open(t, ctx, s.URL()+"nouveau/sous/page/")
		write(t, dir, "content/nouveau/sous/page.md", "+++\ntitle = \"Une page toute neuve\"\n+++\n\nSon texte.\n")
		mustWait(t, ctx, "new page shown", `document.querySelector("h1") && document.querySelector("h1").textContent.includes("Une page toute neuve")`)
		open(t, ctx, s.URL()+"nouveau/sous/page/")
		mustWait(t, ctx, "new page loaded", `document.body.textContent.includes("Son texte.")`)
	})
}

func TestBrowserNavigateToChanged(t *testing.T) {
	ctx := browsertest.New(t, 1280, 800)
	dir := copySite(t)
	s := start(t, Options{Source: dir, Build: realBuild, NavigateToChanged: true})
	open(t, ctx, s.URL()+"presentation/")
	edit(t, dir, "content/blocs/b1.toml", "Taux de couverture des tests", "Taux de couverture mesuré des tests", true)
	mustWait(t, ctx, "navigated", `location.pathname === "/competences/b1-c2/" && `+criteriaHas("Taux de couverture mesuré"))
}

func TestBrowserFirstBuildFails(t *testing.T) {
	ctx := browsertest.New(t, 1280, 800)
	dir := copySite(t)
	edit(t, dir, "content/blocs/b2.toml", `id = "B2"`, `id = "B2`, false)
	s := start(t, Options{Source: dir, Build: realBuild})
	open(t, ctx, s.URL())
	mustWait(t, ctx, "overlay", `(document.querySelector("#cursus-errors") || {textContent: ""}).textContent.includes("content/blocs/b2.toml:")`)
	edit(t, dir, "content/blocs/b2.toml", `id = "B2`, `id = "B2"`, true)
	mustWait(t, ctx, "site shown", `document.body.classList.contains("kind-home") && !document.querySelector("#cursus-errors")`)
}

// incrementalBuild is what cursus serve builds with since #19: only the
// pages whose data changed render again.
func incrementalBuild() BuildFunc {
	var inc *generator.Incremental
	return func(root fs.FS, o BuildOptions) (*Site, error) {
		if inc == nil {
			inc = generator.NewIncremental(generator.Options{BaseURL: o.BaseURL})
		}
		out, err := inc.BuildFirst(root, o.First, o.Early)
		if err != nil {
			return nil, err
		}
		return &Site{Files: out.Files, Later: out.Later, Sources: out.Sources, Assets: out.Assets}, nil
	}
}

// TestSaveToPaintLatency measures, over 20 saves of a criterion (half of
// them atomic), the time from the file written to the first paint of the
// page showing it, and fails only if a save never shows. The paint time is
// the reloaded page's first-contentful-paint, on the same clock as the
// test's (performance.timeOrigin is wall time). It measures a full build
// on every save, and the incremental one.
func TestSaveToPaintLatency(t *testing.T) {
	critere := func() latencyCase {
		return latencyCase{dir: copySite(t), page: "competences/b1-c1/", file: "content/blocs/b1.toml",
			old: "Clarté et précision de la documentation", text: func(i int) string { return fmt.Sprintf("Clarté mesurée n° %d de la documentation", i) },
			shows: criteriaHas}
	}
	t.Run("full", func(t *testing.T) { saveToPaint(t, realBuild, critere()) })
	t.Run("incremental", func(t *testing.T) { saveToPaint(t, incrementalBuild(), critere()) })
}

// TestSaveToPaintLatencyLarge measures the same on a large generated site,
// for a critère edit and a template edit, when CURSUS_LATENCY_SITE names
// one, e.g. the site of 100 certifications:
//
//	CURSUS_SYNTHETIC_DIR=/tmp/p100 CURSUS_SYNTHETIC_CERTS=100 go test ./generator -run TestWriteSyntheticSite
//	CURSUS_LATENCY_SITE=/tmp/p100 go test ./generator/serve -run TestSaveToPaintLatencyLarge -v
func TestSaveToPaintLatencyLarge(t *testing.T) {
	site := os.Getenv("CURSUS_LATENCY_SITE")
	if site == "" {
		t.Skip("set CURSUS_LATENCY_SITE to a generated site to measure")
	}
	copyOf := func() string {
		dir := t.TempDir()
		testsite.Copy(t, site, dir)
		return dir
	}
	t.Run("critère", func(t *testing.T) {
		saveToPaint(t, incrementalBuild(), latencyCase{dir: copyOf(), page: "cert-042/competences/b3-c1/",
			file: "content/certifications/cert-042/blocs/b3.toml", old: "Clarté et précision de la documentation",
			text:  func(i int) string { return fmt.Sprintf("Clarté mesurée n° %d de la documentation", i) },
			shows: criteriaHas})
	})
	t.Run("template", func(t *testing.T) {
		saveToPaint(t, incrementalBuild(), latencyCase{dir: copyOf(), page: "cert-042/competences/b3-c1/",
			file: "themes/default/layouts/competence.html", old: `{{define "main"}}`,
			text: func(i int) string { return fmt.Sprintf(`{{define "main"}}<p class="mark">Repère %d</p>`, i) },
			shows: func(s string) string {
				return fmt.Sprintf(`document.readyState === "complete" && (document.querySelector(".mark") || {textContent: ""}).textContent === %q`, strings.TrimSuffix(strings.TrimPrefix(s, `{{define "main"}}<p class="mark">`), "</p>"))
			}})
	})
}

// latencyCase is an edit to make again and again, and the page that
// shows it.
type latencyCase struct {
	dir, page, file string
	old             string              // in file before the first edit
	text            func(i int) string  // what the i-th edit writes in place of the last
	shows           func(string) string // JavaScript: is the text on the page?
}

func saveToPaint(t *testing.T, build BuildFunc, c latencyCase) {
	ctx := browsertest.New(t, 1280, 800)
	dir := c.dir
	var mu sync.Mutex
	var buildStart, buildEarly, buildEnd time.Time
	timed := func(root fs.FS, o BuildOptions) (*Site, error) {
		mu.Lock()
		buildStart, buildEarly = time.Now(), time.Time{}
		mu.Unlock()
		if early := o.Early; early != nil {
			o.Early = func(files map[string][]byte) {
				mu.Lock()
				buildEarly = time.Now()
				mu.Unlock()
				early(files)
			}
		}
		site, err := build(root, o)
		mu.Lock()
		buildEnd = time.Now()
		mu.Unlock()
		return site, err
	}
	s := start(t, Options{Source: dir, Build: timed})
	// __paint is when the page with the new text was painted: the first
	// contentful paint of a reloaded page, or the frame after <main> was
	// swapped (a rAF callback runs just before the frame paints; a message
	// posted from it arrives just after).
	const observe = `window.__paint = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.name === "first-contentful-paint") window.__paint = performance.timeOrigin + e.startTime;
}).observe({type: "paint", buffered: true});
addEventListener("DOMContentLoaded", () => {
  const ch = new MessageChannel();
  ch.port1.onmessage = () => { window.__paint = performance.timeOrigin + performance.now(); };
  new MutationObserver(() => requestAnimationFrame(() => ch.port2.postMessage(0))).observe(document.body, {childList: true, subtree: true});
});`
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: observe}); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, s.URL()+c.page)
	// As a person would, read before editing: a browser just started and a
	// page just loaded keep both cores busy for a while, and the first
	// builds would measure that.
	time.Sleep(time.Second)
	old := c.old
	var paint, seen []time.Duration
	missed := 0
	for i := 1; i <= 20; i++ {
		text := c.text(i)
		eval[bool](t, ctx, `window.__paint = 0, true`)
		edit(t, dir, c.file, old, text, i%2 == 0)
		written := time.Now()
		old = text
		if !waitJS(t, ctx, c.shows(text), 30*time.Second) {
			missed++
			t.Errorf("save %d never showed", i)
			continue
		}
		seen = append(seen, time.Since(written))
		if waitJS(t, ctx, `window.__paint > 0`, time.Second) {
			at := eval[float64](t, ctx, `window.__paint`)
			paint = append(paint, time.Duration(at*1e6-float64(written.UnixNano())))
			// The page open may show before the build is done.
			for range 200 {
				mu.Lock()
				done := buildEnd.After(buildStart) && buildStart.After(written)
				mu.Unlock()
				if done {
					break
				}
				time.Sleep(10 * time.Millisecond)
			}
			mu.Lock()
			ms := func(t time.Time) float64 { return float64(t.Sub(written).Microseconds()) / 1000 }
			first := "" // the page open handed over before the build was done
			if !buildEarly.IsZero() {
				first = fmt.Sprintf(" (the page open at %.1f ms)", ms(buildEarly))
			}
			t.Logf("save %d: build from %.1f to %.1f ms%s, painted at %.1f ms", i, ms(buildStart), ms(buildEnd), first, at-float64(written.UnixMicro())/1000)
			mu.Unlock()
		}
	}
	t.Logf("save → first paint: median %v, p90 %v over %d saves (%d missed)", pct(paint, 50), pct(paint, 90), len(paint), missed)
	t.Logf("save → seen by the test's polling: median %v, p90 %v", pct(seen, 50), pct(seen, 90))
}

func pct(d []time.Duration, p int) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return s[(len(s)-1)*p/100].Round(100 * time.Microsecond)
}

// TestBrowserStreamRefused: a page refused an event stream (the server is
// at its cap) works, asks again less and less often rather than every
// 500 ms, and follows the changes once there is room.
func TestBrowserStreamRefused(t *testing.T) {
	ctx := browsertest.New(t, 1280, 800)
	s := start(t, Options{Source: copySite(t), Build: realBuild})
	setMax := func(n int) {
		s.hub.mu.Lock()
		s.hub.max = n
		s.hub.mu.Unlock()
	}
	setMax(0)
	open(t, ctx, s.URL())
	mustWait(t, ctx, "page shown", `document.body.classList.contains("kind-home")`)
	time.Sleep(3 * time.Second)
	// Tries at 0, 0.5, 1.5 and 3.5 s; every 500 ms would be 7.
	if n := s.refused.Load(); n < 1 || n > 4 {
		t.Errorf("%d streams asked for in 3 s, want 1 to 4", n)
	}
	setMax(maxStreams)
	deadline := time.Now().Add(10 * time.Second)
	for s.hub.streams() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the page never took the room freed")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestBrowserIgnoresOtherPagesFirst: a build shows first the page another
// browser is on, and says so to every browser. One on another page must
// not take that build's number: hidden meanwhile, it misses the build's
// last message, and when it shows again it must still learn that its own
// page changed.
func TestBrowserIgnoresOtherPagesFirst(t *testing.T) {
	ctx := browsertest.New(t, 1280, 800)
	dir := siteDir(t)
	write(t, dir, "content/v.txt", "v0")
	gate := make(chan struct{})
	doc := func(name, v string) []byte {
		return []byte("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + name + "</title></head><body><main>" + name + ":" + v + "</main></body></html>\n")
	}
	build := func(root fs.FS, o BuildOptions) (*Site, error) {
		data, err := fs.ReadFile(root, "content/v.txt")
		if err != nil {
			return nil, err
		}
		v := string(data)
		if slices.Contains(o.First, "blocs/b1/index.html") && o.Early != nil {
			o.Early(map[string][]byte{"blocs/b1/index.html": doc("B", v)})
			<-gate
		}
		return &Site{Files: map[string][]byte{"index.html": doc("A", v), "blocs/b1/index.html": doc("B", v), "404.html": doc("404", "")}}, nil
	}
	s := start(t, Options{Source: dir, Build: build})
	open(t, ctx, s.URL())
	for s.hub.streams() != 1 {
		time.Sleep(5 * time.Millisecond)
	}
	other := subscribeOn(t, s.URL(), s.hub.current.Load().build, "/blocs/b1/") // another browser, on B
	for !slices.Contains(s.hub.viewed(), "/blocs/b1/") {
		time.Sleep(5 * time.Millisecond)
	}
	write(t, dir, "content/v.txt", "v1")
	if m := next(t, other); !m.Early {
		t.Fatalf("B first: %+v", m)
	}
	time.Sleep(100 * time.Millisecond) // the page on A has it too
	// A's tab is hidden: its stream closes, and the build's last message
	// goes without it.
	setHidden := func(hidden bool) {
		eval[bool](t, ctx, fmt.Sprintf(`Object.defineProperty(document, "hidden", {value: %t, configurable: true}), document.dispatchEvent(new Event("visibilitychange")), true`, hidden))
	}
	setHidden(true)
	for s.hub.streams() != 1 {
		time.Sleep(5 * time.Millisecond)
	}
	gate <- struct{}{}
	if m := next(t, other); len(m.Shown) != 1 {
		t.Fatalf("the build done: %+v", m)
	}
	setHidden(false)
	if !waitJS(t, ctx, `document.querySelector("main") && document.querySelector("main").textContent === "A:v1"`, 5*time.Second) {
		t.Errorf("the page on A shows %q after it came back, want A:v1", eval[string](t, ctx, `document.querySelector("main").textContent`))
	}
}
