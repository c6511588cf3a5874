package quality

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"cursus/generator/content"
	"cursus/internal/browsertest"
)

// layoutViewports are the windows the layout gates look through: the
// narrowest phone the theme supports (WCAG reflow), a common one and a
// small laptop screen.
var layoutViewports = []struct {
	name          string
	width, height int
}{
	{"320x640", 320, 640},
	{"390x844", 390, 844},
	{"1280x800", 1280, 800},
}

// settle is how long a page is left after its load event before it is
// measured or photographed: search.js runs deferred, and a late change of
// layout would come in that time.
const settle = 300 * time.Millisecond

// layoutShifts reads every layout shift of the page since it started, the
// buffered ones included, and names the elements that moved.
const layoutShifts = `new Promise(resolve => {
	const shifts = [];
	new PerformanceObserver(list => {
		for (const e of list.getEntries()) {
			if (e.hadRecentInput) continue;
			shifts.push({value: e.value, nodes: (e.sources || []).map(s => {
				const n = s.node;
				if (!n || !n.nodeName) return '?';
				return n.nodeName.toLowerCase() + (n.id ? '#' + n.id : '') + (n.className && n.className.baseVal === undefined ? '.' + String(n.className).trim().split(/\s+/).join('.') : '');
			})});
		}
	}).observe({type: 'layout-shift', buffered: true});
	setTimeout(() => resolve(shifts), 100);
})`

type layoutShift struct {
	Value float64  `json:"value"`
	Nodes []string `json:"nodes"`
}

// TestLayoutShift loads one page of every kind, and the search page with
// a query, at a phone's and a laptop's size, and wants a Cumulative Layout
// Shift of 0: nothing moves once it is drawn. Nor may a page be wider than
// the screen. The theme uses the system's
// fonts and no image without its size, so there is no reason for even a
// sub-pixel shift.
func TestLayoutShift(t *testing.T) {
	eachSite(t, func(t *testing.T, site *built) {
		srv := serve(t, site)
		urls := layoutURLs(t, site)
		for _, vp := range layoutViewports {
			t.Run(vp.name, func(t *testing.T) {
				ctx := browsertest.New(t, vp.width, vp.height)
				for _, u := range urls {
					if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+u.url), chromedp.Sleep(settle)); err != nil {
						t.Fatalf("%s: %v", u.url, err)
					}
					shifts, err := chromedp.Run(ctx, chromedp.Evaluate[[]layoutShift](layoutShifts, chromedp.EvalAwaitPromise))
					if err != nil {
						t.Fatalf("%s: %v", u.url, err)
					}
					cls := 0.0
					for _, s := range shifts {
						cls += s.Value
					}
					if cls != 0 {
						t.Errorf("%s (%s) at %s: CLS %.4f: %v", u.url, u.kind, vp.name, cls, shifts)
					}
					// Nothing wider than the screen: a wide table scrolls in
					// its own region, never the page.
					if w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); err != nil || w > vp.width {
						t.Errorf("%s (%s) at %s: the page is %d px wide (%v)", u.url, u.kind, vp.name, w, err)
					}
				}
				t.Logf("%d pages at %s, CLS 0 on each", len(urls), vp.name)
				// The measure itself: a block pushed in above the content
				// after the first paint must be seen.
				push := `new Promise(r => requestAnimationFrame(() => setTimeout(() => {
					const d = document.createElement('div'); d.style.height = '200px';
					document.getElementById('contenu').prepend(d); r(true); }, 50)))`
				if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.Evaluate[chromedp.Void](push, chromedp.EvalAwaitPromise), chromedp.Sleep(settle)); err != nil {
					t.Fatal(err)
				}
				shifts, err := chromedp.Run(ctx, chromedp.Evaluate[[]layoutShift](layoutShifts, chromedp.EvalAwaitPromise))
				if err != nil || len(shifts) == 0 {
					t.Errorf("a block inserted above the content was not measured as a shift (%v, %v)", shifts, err)
				}
			})
		}
	})
}

// layoutURL is a page the layout gates visit.
type layoutURL struct{ kind, url string }

// layoutURLs are one page of every kind, and the search page answering a
// query, whose results search.js inserts.
func layoutURLs(t *testing.T, site *built) []layoutURL {
	var urls []layoutURL
	for _, k := range pageKinds(t, site) {
		urls = append(urls, layoutURL{k.kind, k.url()})
	}
	// A métier with a description starts otherwise than one without.
	for _, m := range site.out.Project.Content.Metiers {
		if m.Prose != nil && len(m.Blocs) > 0 {
			urls = append(urls, layoutURL{"métier décrit", "/" + strings.TrimSuffix(content.FileOf(m.Path()), "index.html")})
			break
		}
	}
	return append(urls, layoutURL{"résultats de recherche", "/recherche/?q=s%C3%A9curit%C3%A9"})
}

// TestScreenshots photographs every kind of page at each layout size, in
// the light and the dark scheme, into $CURSUS_SHOTS (skipped without it):
// the top of the page as a phone or laptop shows it, and the whole page.
// It checks nothing; the pictures are for a person to look at.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("CURSUS_SHOTS")
	if dir == "" {
		t.Skip("set CURSUS_SHOTS to a directory to take screenshots of every kind of page")
	}
	eachSite(t, func(t *testing.T, site *built) {
		srv := serve(t, site)
		urls := layoutURLs(t, site)
		for _, vp := range layoutViewports {
			ctx := browsertest.New(t, vp.width, vp.height)
			for _, scheme := range schemes {
				if err := chromedp.Do(ctx, colorScheme(scheme)); err != nil {
					t.Fatal(err)
				}
				for _, u := range urls {
					if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+u.url), chromedp.Sleep(settle)); err != nil {
						t.Fatalf("%s: %v", u.url, err)
					}
					name := fmt.Sprintf("%s-%s-%s-%s", site.name, fileName(u.kind), vp.name, scheme)
					top, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
					if err != nil {
						t.Fatalf("%s: %v", u.url, err)
					}
					full, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
					if err != nil {
						t.Fatalf("%s: %v", u.url, err)
					}
					for suffix, png := range map[string][]byte{"top": top, "full": full} {
						if err := os.WriteFile(filepath.Join(dir, name+"-"+suffix+".png"), png, 0o644); err != nil {
							t.Fatal(err)
						}
					}
				}
			}
		}
	})
}

// fileName spells a page kind for a file name: ASCII letters and dashes.
func fileName(kind string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			return r
		case r == 'é' || r == 'è':
			return 'e'
		}
		return '-'
	}, kind)
}

// TestHeaderBeforeNavigation: a browser may paint the header before it has
// read the navigation (a slow phone, a long page). On a wide screen, where
// the brand, the search box and the navigation share one row, the brand
// and the search box must already stand where they will stay: the row is
// as tall without the navigation as with it. (Under a sixteen-times slower
// processor, the row used to grow by 17 px once the navigation came: a
// layout shift of the whole header.)
func TestHeaderBeforeNavigation(t *testing.T) {
	eachSite(t, func(t *testing.T, site *built) {
		srv := serve(t, site)
		ctx := browsertest.New(t, 1280, 800)
		const tops = `[".brand", ".search-box"].map(s => document.querySelector(s).getBoundingClientRect().top)`
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
			t.Fatal(err)
		}
		with, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](tops))
		if err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector(".main-nav").remove()`)); err != nil {
			t.Fatal(err)
		}
		without, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](tops))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(with, without) {
			t.Errorf("brand and search box at %v with the navigation, %v before it", with, without)
		}
	})
}
