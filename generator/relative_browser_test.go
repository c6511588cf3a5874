package generator

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"cursus/internal/browsertest"
)

// TestRelativeURLsFromDisk publishes the bundled site with relativeURLs
// under a sub-path and opens it from disk in Chromium: every link of the
// home page and of a bloc page opens a page of the site with its
// stylesheet, a click follows a link, and the search box says why it
// cannot search from disk instead of showing nothing.
func TestRelativeURLsFromDisk(t *testing.T) {
	ctx := browsertest.New(t, 1280, 900)
	dest := filepath.Join(t.TempDir(), "public")
	if _, _, err := Publish(relativeSite(t), PublishOptions{Dest: dest, BaseURL: "https://example.org/cursus/"}); err != nil {
		t.Fatal(err)
	}
	home := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dest) + "/index.html"}).String()
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	// styled is "" on a page of the site with its stylesheet applied; a
	// directory listing or a missing file has no such body.
	const styled = `getComputedStyle(document.body).display === 'flex' && document.querySelector('main h1') ? '' : document.title + ': ' + document.body.innerText.slice(0, 80)`
	links := map[string]bool{} // pages: downloads (a[download]) are data files
	for _, start := range []string{home, strings.TrimSuffix(home, "index.html") + "blocs/b1/index.html"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(start)); err != nil {
			t.Fatal(err)
		}
		if why := eval(styled); why != "" {
			t.Fatalf("%s: not a styled page of the site: %s", start, why)
		}
		for _, l := range strings.Fields(eval(`[...document.querySelectorAll('a[href]:not([download])')].map(a => a.href).filter(h => h.startsWith('file:')).map(h => h.split('#')[0]).join(' ')`)) {
			links[l] = true
		}
	}
	if len(links) < 10 {
		t.Fatalf("only %d links to pages of the site", len(links))
	}
	for l := range links {
		if !strings.HasPrefix(l, strings.TrimSuffix(home, "index.html")) {
			t.Errorf("link %s leaves the site", l)
			continue
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(l)); err != nil {
			t.Fatal(err)
		}
		if why := eval(styled); why != "" {
			t.Errorf("%s: not a styled page of the site: %s", l, why)
		}
	}

	// A click on the navigation's link to the blocs.
	err := chromedp.Do(ctx,
		chromedp.Navigate(home),
		chromedp.Click(`a[href="blocs/index.html"]`),
		chromedp.WaitVisible(`a[href="../index.html"]`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if got := eval(`location.pathname`); !strings.HasSuffix(got, "/public/blocs/index.html") {
		t.Errorf("after the click: %s", got)
	}

	// Search from disk: a browser fetches nothing from file://.
	err = chromedp.Do(ctx,
		chromedp.SendKeys("#recherche-q", "données"),
		chromedp.WaitVisible("#recherche-panel .search-none"),
	)
	if err != nil {
		t.Fatal(err)
	}
	if got := eval(`document.querySelector('#recherche-panel .search-none').textContent`); !strings.Contains(got, "Recherche indisponible") {
		t.Errorf("search from disk says %q", got)
	}
}
