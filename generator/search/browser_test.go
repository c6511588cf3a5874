package search_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"cursus/generator"
	"cursus/generator/content"
	"cursus/generator/search"
	"cursus/internal/browsertest"
)

// base is a base path other than "/", so that the tests see every URL of the
// index and of search.js carry it.
const base = "/cursus/"

// published builds the bundled site, minified as cursus build does, and
// serves it under base. It returns the server's URL and the index as
// published, decoded.
func published(t *testing.T) (string, *generator.Output, *search.Index) {
	t.Helper()
	out, err := generator.Build(os.DirFS("../.."), generator.Options{Minify: true, BaseURL: "http://example.test" + base})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	fsys := fstest.MapFS{}
	for p, data := range out.Files {
		fsys[p] = &fstest.MapFile{Data: data}
	}
	srv := httptest.NewServer(http.StripPrefix(strings.TrimSuffix(base, "/"), http.FileServer(http.FS(fsys))))
	t.Cleanup(srv.Close)
	ix := &search.Index{}
	if err := json.Unmarshal(asset(t, out, "search-index."), ix); err != nil {
		t.Fatalf("published index: %v", err)
	}
	return srv.URL, out, ix
}

// asset returns the published asset whose path starts with assets/prefix.
func asset(t *testing.T, out *generator.Output, prefix string) []byte {
	t.Helper()
	for _, p := range out.Assets {
		if strings.HasPrefix(p, "assets/"+prefix) {
			return out.Files[p]
		}
	}
	t.Fatalf("no asset %s* in %v", prefix, out.Assets)
	return nil
}

func gzipped(t *testing.T, data []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

// TestPublishedSizes keeps search cheap on a phone: the index and the script
// as the build publishes them (minified), then gzipped as servers send them.
func TestPublishedSizes(t *testing.T) {
	_, out, ix := published(t)
	index, script := asset(t, out, "search-index."), asset(t, out, "search.")
	t.Logf("index: %d documents, %d words, %d bytes, %d gzipped", len(ix.Docs), len(ix.Words), len(index), gzipped(t, index))
	t.Logf("search.js: %d bytes minified, %d gzipped", len(script), gzipped(t, script))
	if n := gzipped(t, index); n > 40<<10 {
		t.Errorf("index is %d bytes gzipped, want at most 40 KB", n)
	}
	// 8 KB: the certification of each result and relative URLs for sites
	// opened from disk took it past 6 KB, suggestions for a query that
	// finds nothing past 7 KB; it is 3 KB gzipped.
	if len(script) > 8<<10 {
		t.Errorf("search.js is %d bytes minified, want at most 8 KB", len(script))
	}
}

func run[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

func do(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// waitPath waits for the browser to land on a page of the given path. The
// page is navigating: evaluations fail until the new document is ready.
func waitPath(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	var got string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		p, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState === 'complete' ? location.pathname : ''`))
		if err == nil && p == path {
			return
		}
		got = p
	}
	t.Fatalf("landed on %q, want %s", got, path)
}

// TestHeaderSearch types into the header box of a page on a phone-sized
// window, reads the results, then walks them with the keyboard.
func TestHeaderSearch(t *testing.T) {
	srv, _, ix := published(t)
	ctx := browsertest.New(t, 390, 844)
	want := ix.Search("devops")
	do(t, ctx,
		chromedp.Navigate(srv+base+"blocs/"),
		chromedp.Click("#recherche-q"),
		chromedp.SendKeys("#recherche-q", "devops"),
		chromedp.WaitVisible("#recherche-panel a"),
	)
	if got := run[string](t, ctx, `document.querySelector('#recherche-panel a').getAttribute('href')`); got != want[0].Doc.URL {
		t.Errorf("first result = %s, want %s", got, want[0].Doc.URL)
	}
	status := fmt.Sprintf("%d résultats", len(want))
	if got := run[string](t, ctx, `document.querySelector('.search-box [role=status]').textContent`); got != status {
		t.Errorf("announced %q, want %q", got, status)
	}
	if got := run[string](t, ctx, `document.querySelector('#recherche-panel .search-title mark').textContent`); got != "DevOps" {
		t.Errorf("highlighted %q in the first title, want DevOps", got)
	}
	fits := `(() => { const r = document.getElementById('recherche-panel').getBoundingClientRect();
		return r.left >= 0 && r.right <= innerWidth && r.width > 300 && r.top > 0; })()`
	if !run[bool](t, ctx, fits) {
		t.Errorf("the panel does not fit a 390 px screen: %v", run[any](t, ctx, `document.getElementById('recherche-panel').getBoundingClientRect().toJSON()`))
	}

	do(t, ctx, chromedp.KeyEvent(kb.ArrowDown))
	if !run[bool](t, ctx, `document.activeElement === document.querySelector('#recherche-panel a')`) {
		t.Errorf("ArrowDown did not move to the first result")
	}
	do(t, ctx, chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowUp))
	if !run[bool](t, ctx, `document.activeElement === document.querySelector('#recherche-panel a')`) {
		t.Errorf("ArrowDown, ArrowUp did not come back to the first result")
	}
	do(t, ctx, chromedp.KeyEvent(kb.Enter))
	waitPath(t, ctx, want[0].Doc.URL)

	// On the page reached: Escape closes the panel, Enter in the box opens
	// the first result.
	do(t, ctx,
		chromedp.SendKeys("#recherche-q", "robot"),
		chromedp.WaitVisible("#recherche-panel a"),
		chromedp.KeyEvent(kb.Escape),
		chromedp.WaitNotVisible("#recherche-panel"),
	)
	if !run[bool](t, ctx, `document.activeElement.id === 'recherche-q'`) {
		t.Errorf("Escape did not leave the focus in the box")
	}
	code := ix.Search("b2.c4")[0].Doc.URL
	do(t, ctx,
		chromedp.Evaluate[chromedp.Void](`document.getElementById('recherche-q').value = ''`),
		chromedp.SendKeys("#recherche-q", "b2.c4"),
		chromedp.WaitVisible("#recherche-panel a"),
		chromedp.KeyEvent(kb.Enter),
	)
	waitPath(t, ctx, code)
}

// TestSearchPage opens /recherche/?q= as a link from elsewhere would.
func TestSearchPage(t *testing.T) {
	srv, _, ix := published(t)
	ctx := browsertest.New(t, 390, 844)
	want := ix.Search("cybersecurite")
	do(t, ctx,
		chromedp.Navigate(srv+base+"recherche/?q=cybersecurite"),
		chromedp.WaitVisible("#resultats a"),
	)
	if got := run[string](t, ctx, `document.getElementById('recherche-page-q').value`); got != "cybersecurite" {
		t.Errorf("box = %q, want the query of the URL", got)
	}
	if !run[bool](t, ctx, `document.getElementById('tout').hidden`) {
		t.Errorf("the full listing is still shown above the results")
	}
	if got := run[int](t, ctx, `document.querySelectorAll('#resultats li a').length`); got != len(want) {
		t.Errorf("%d results, want %d", got, len(want))
	}
	if got := run[string](t, ctx, `document.querySelector('#resultats a').getAttribute('href')`); got != want[0].Doc.URL {
		t.Errorf("first result = %s, want %s", got, want[0].Doc.URL)
	}
	groups := run[[]string](t, ctx, `[...document.querySelectorAll('#resultats h2')].map(h => h.textContent)`)
	if len(groups) == 0 || groups[0] != "Métiers" {
		t.Errorf("groups = %q, want Métiers first", groups)
	}
	// Emptying the box brings the listing back, for browsing.
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`(i => { i.value = ''; i.dispatchEvent(new Event('input')); })(document.getElementById('recherche-page-q'))`))
	if run[bool](t, ctx, `document.getElementById('tout').hidden || !document.getElementById('resultats').hidden`) {
		t.Errorf("an empty query does not bring the full listing back")
	}
}

// TestSuggestions searches words that find nothing: the page suggests
// near words of the index, as links that find something.
func TestSuggestions(t *testing.T) {
	srv, _, ix := published(t)
	ctx := browsertest.New(t, 390, 844)
	for _, q := range []string{"admissibilité", "candidature", "bac+5", "cybersecuritéee"} {
		if len(ix.Search(q)) > 0 {
			t.Fatalf("%q finds something: not a test of suggestions", q)
		}
		do(t, ctx, chromedp.Navigate(srv+base+"recherche/?q="+url.QueryEscape(q)), chromedp.WaitVisible("#resultats .search-none"))
		got := run[[]string](t, ctx, `[...document.querySelectorAll('#resultats .search-none a')].map(a => a.textContent)`)
		if len(got) == 0 {
			t.Errorf("%q: no suggestion", q)
		}
		for _, s := range got {
			if len(ix.Search(s)) == 0 {
				t.Errorf("%q: suggestion %q finds nothing", q, s)
			}
		}
		t.Logf("%q → %q", q, got)
	}
}

// queries mix the students' words, codes, typos, plurals, words being typed
// and stop words.
var queries = []string{
	"devops", "DevOps", "cybersecurite", "cybersécurité", "cyber", "iot", "donnees sante", "données de santé",
	"B2.C4", "b7.c2", "b7", "bloc 7", "robot", "robotique", "data", "santé", "pentest", "intelligence artificielle",
	"securiter", "cybersecurit", "cybersécurté", "devosp", "robotiqe", "donnée", "données", "réseau", "réseaux",
	"développeur", "dé", "de", "données de", "l’organisation", "d'information", "ISO 27001", "27", "Œuvre",
	"e-santé", "sécu", "architecte", "cloud", "gestion de projet", "agile", "xyzzy", "a",
	"sécurisation", "sécuriser", "évaluer", "évaluation", "automatisation", "organisationnelle",
}

// TestBrowserAndGoAgree types the same queries in the search page and asks
// the Go implementation: both must give the same results in the same order.
// Every word of the index is also searched, which compares the stemmers.
func TestBrowserAndGoAgree(t *testing.T) {
	srv, _, ix := published(t)
	ctx := browsertest.New(t, 1280, 900)
	do(t, ctx,
		chromedp.Navigate(srv+base+"recherche/?q=devops"),
		chromedp.WaitVisible("#resultats a"),
	)
	const results = `(qs, n) => {
		const input = document.getElementById('recherche-page-q'), out = {};
		for (const q of qs) {
			input.value = q;
			input.dispatchEvent(new Event('input'));
			out[q] = [...document.querySelectorAll('#resultats li a')].slice(0, n || undefined)
				.map(a => a.getAttribute('href') + ' ' + a.querySelector('.search-title').textContent);
		}
		return out;
	}`
	compare := func(qs []string, n int) {
		got := run[map[string][]string](t, ctx, fmt.Sprintf("(%s)(%s, %d)", results, jsJSON(qs), n))
		for _, q := range qs {
			var want []string
			for _, h := range ix.Search(q) {
				want = append(want, strings.TrimSpace(h.Doc.URL+" "+strings.TrimSpace(h.Doc.Code+" "+h.Doc.Title)))
			}
			if n > 0 && len(want) > n {
				want = want[:n]
			}
			if !slices.Equal(got[q], want) {
				t.Errorf("%q:\nbrowser %q\nGo      %q", q, got[q], want)
			}
		}
	}
	compare(queries, 0)
	compare(ix.Words, 5)
}

// TestQueryTime measures, in the browser, the time to answer a query and
// show its results. It reports; it does not fail on a slow machine.
func TestQueryTime(t *testing.T) {
	srv, _, _ := published(t)
	ctx := browsertest.New(t, 390, 844)
	do(t, ctx,
		chromedp.Navigate(srv+base+"recherche/?q=devops"),
		chromedp.WaitVisible("#resultats a"),
		chromedp.Click("#recherche-q"),
		chromedp.SendKeys("#recherche-q", "devops"),
		chromedp.WaitVisible("#recherche-panel a"),
	)
	const timing = `(qs, id) => {
		const input = document.getElementById(id), times = [];
		for (let round = 0; round < 5; round++) {
			for (const q of qs) {
				const t0 = performance.now();
				input.value = q;
				input.dispatchEvent(new Event('input'));
				times.push(performance.now() - t0);
			}
		}
		times.sort((a, b) => a - b);
		return [times.reduce((a, b) => a + b) / times.length, times[times.length >> 1], times[Math.floor(times.length * 0.95)], times[times.length - 1]];
	}`
	for _, box := range []string{"recherche-q", "recherche-page-q"} {
		ms := run[[]float64](t, ctx, fmt.Sprintf("(%s)(%s, %q)", timing, jsJSON(queries), box))
		t.Logf("#%s: %d queries, search and render: mean %.2f ms, median %.2f, p95 %.2f, max %.2f", box, 5*len(queries), ms[0], ms[1], ms[2], ms[3])
	}
}

func jsJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// foldJS returns norm of search.js and the table it reads, cut from the
// file as written, to run in the browser on its own.
func foldJS(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../themes/default/static/search.js")
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	start := strings.Index(src, "  var LETTERS = ")
	fn := strings.Index(src, "  function norm(s) {")
	if start < 0 || fn < start {
		t.Fatal("search.js: no var LETTERS followed by function norm(s)")
	}
	end := strings.Index(src[fn:], "\n  }\n")
	if end < 0 {
		t.Fatal("search.js: no end to function norm")
	}
	return src[start : fn+end+len("\n  }\n")]
}

// TestFoldAgrees runs search.js's norm in the browser and content.Fold in
// Go on every code point and on the texts of the bundled index: the words
// of the index and those of a query must fold alike. Code points that Go's
// Unicode tables do not know yet are left out: the browser's Unicode is
// newer, and new marks differ by version, not by rule.
func TestFoldAgrees(t *testing.T) {
	_, _, ix := published(t)
	ctx := browsertest.New(t, 800, 600)
	want := map[rune]string{} // the code points the fold changes
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if s := string(r); utf8.ValidRune(r) && content.Fold(s) != s {
			want[r] = content.Fold(s)
		}
	}
	texts := append([]string{"ΟΔΟΣ ΣΑΣ", "İSTANBUL", "Łódź Ørsted Þór", "ǼȘȚ", "certiﬁcation", "한국어", "e\u0301te\u0301"}, queries...)
	for _, d := range ix.Docs {
		texts = append(texts, d.Title, d.Text, d.Context)
	}
	const compare = `(want, texts) => {
		const bad = [];
		for (let c = 0; c <= 0x10FFFF; c++) {
			if (c >= 0xD800 && c <= 0xDFFF) continue;
			const s = String.fromCodePoint(c);
			if (norm(s) !== (want[c] ?? s)) bad.push(c);
		}
		return {bad: bad, texts: texts.map(norm)};
	}`
	type result struct {
		Bad   []rune
		Texts []string
	}
	got := run[result](t, ctx, fmt.Sprintf("(() => { %s; return (%s)(%s, %s); })()", foldJS(t), compare, jsJSON(want), jsJSON(texts)))
	newer := 0
	for _, r := range got.Bad {
		if !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z, unicode.Cc, unicode.Cf, unicode.Co) {
			newer++
			continue
		}
		t.Errorf("%U %q: Go and the browser fold it differently (Go: %q)", r, r, content.Fold(string(r)))
	}
	t.Logf("%d code points unknown to Go's Unicode %s fold otherwise in the browser", newer, unicode.Version)
	if len(got.Texts) != len(texts) {
		t.Fatalf("the browser folded %d texts of %d", len(got.Texts), len(texts))
	}
	for i, s := range texts {
		if want := content.Fold(s); got.Texts[i] != want {
			t.Errorf("%q:\nbrowser %q\nGo      %q", s, got.Texts[i], want)
		}
	}
}

// cut returns the text of search.js from the line that starts with from to
// the end of the line that starts with to, both indented as written.
func cut(t *testing.T, src, from, to string) string {
	t.Helper()
	i := strings.Index(src, "\n  "+from)
	j := strings.Index(src[max(i, 0):], "\n  "+to)
	if i < 0 || j < 0 {
		t.Fatalf("search.js: no %q followed by %q", from, to)
	}
	j += i + 1
	k := strings.Index(src[j:], "\n")
	return src[i : j+k+1]
}

// TestFamilyInBrowser runs the stemmer and the family step of search.js on
// the cases of testdata/families.txt, which TestFamily checks in Go: the
// browser must give each word the root Go gives it.
func TestFamilyInBrowser(t *testing.T) {
	data, err := os.ReadFile("../../themes/default/static/search.js")
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	js := foldJS(t) + cut(t, src, "var SUFFIXES", "var FAMILY") + cut(t, src, "function strip(", "function family(")
	var words []string
	for _, c := range search.ReadFamilies(t) {
		words = append(words, c.Words...)
	}
	ctx := browsertest.New(t, 800, 600)
	got := run[[]string](t, ctx, fmt.Sprintf("(() => { %s; return %s.map(w => family(stem(norm(w)))); })()", js, jsJSON(words)))
	if len(got) != len(words) {
		t.Fatalf("the browser gave %d roots for %d words", len(got), len(words))
	}
	for i, w := range words {
		if want := search.Family(search.Stem(content.Fold(w))); got[i] != want {
			t.Errorf("%s: browser %q, Go %q", w, got[i], want)
		}
	}
}

// TestStudentsQuestions searches what prospective students ask on the
// bundled site: each finds the page of questions, which answers from the
// référentiel (or says what it does not give), and a word finds its family.
func TestStudentsQuestions(t *testing.T) {
	_, _, ix := published(t)
	for _, q := range []string{"durée", "alternance", "admission", "RNCP", "rythme", "évalué"} {
		found := false
		for _, h := range ix.Search(q) {
			found = found || h.Doc.URL == base+"questions/"
		}
		if !found {
			t.Errorf("%q does not find %squestions/", q, base)
		}
	}
	titles := func(q string) map[string]bool {
		m := map[string]bool{}
		for _, h := range ix.Search(q) {
			m[h.Doc.URL+" "+h.Doc.Title] = true
		}
		return m
	}
	securite, securisation := titles("sécurité"), titles("sécurisation")
	for d := range securite {
		if !securisation[d] {
			t.Errorf("sécurité finds %s, sécurisation does not", d)
		}
	}
}
