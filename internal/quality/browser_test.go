package quality

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"cursus/internal/browsertest"
)

// viewports are the widths every browser gate runs at: a laptop and a phone.
var viewports = []struct {
	name          string
	width, height int
}{
	{"1280px", 1280, 900},
	{"390px", 390, 844},
}

// schemes are the colour schemes the theme supports.
var schemes = []string{"light", "dark"}

// colorScheme makes the tab report prefers-color-scheme: scheme. It also
// asks for reduced motion, so that smooth scrolling and transitions are
// over by the time a check measures positions and colours.
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{
				{Name: "prefers-color-scheme", Value: scheme},
				{Name: "prefers-reduced-motion", Value: "reduce"},
			},
		})
		return err
	})
}

// requestLog records the URL of every request a tab makes, the page's own
// and its subresources', including any that never reach a server.
type requestLog struct {
	mu   sync.Mutex
	urls []string
}

func (l *requestLog) listen(t testing.TB, ctx context.Context) {
	t.Helper()
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok && e.Request != nil {
			l.mu.Lock()
			l.urls = append(l.urls, e.Request.URL)
			l.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatalf("listen for requests: %v", err)
	}
}

// foreign returns the recorded requests that did not go to origin.
func (l *requestLog) foreign(origin string) (all int, bad []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, u := range l.urls {
		if u == origin || strings.HasPrefix(u, origin+"/") || strings.HasPrefix(u, "data:") {
			continue
		}
		bad = append(bad, u)
	}
	return len(l.urls), bad
}

// noForeignRequests fails t for each request the log saw leave origin.
func noForeignRequests(t testing.TB, log *requestLog, origin, where string) {
	t.Helper()
	n, bad := log.foreign(origin)
	t.Logf("%s: %d requests, %d to another host than the test server", where, n, len(bad))
	for _, u := range bad {
		t.Errorf("%s: request to %s leaves the site", where, u)
	}
	if n == 0 {
		t.Errorf("%s: no request recorded: is the Network domain enabled?", where)
	}
}

// visit loads the page at u; Navigate returns once the load event fired.
func visit(ctx context.Context, u string) error {
	return chromedp.Do(ctx, chromedp.Navigate(u))
}

// TestNoThirdPartyRequests loads every published page, and the search page
// with a query, in Chromium, and checks every request it makes goes to the
// site's own server.
func TestNoThirdPartyRequests(t *testing.T) {
	eachSite(t, func(t *testing.T, site *built) {
		t.Parallel()
		srv := serve(t, site)
		ctx := browsertest.New(t, 390, 844)
		var log requestLog
		log.listen(t, ctx)
		pages := htmlFiles(site)
		for _, name := range pages {
			u := srv.URL + "/" + strings.TrimSuffix(name, "index.html")
			if err := visit(ctx, u); err != nil {
				t.Fatalf("%s: %v", u, err)
			}
		}
		// The search page fetches its index once it has a query: give it time.
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/recherche/?q=donn%C3%A9es"), chromedp.Sleep(500*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
		noForeignRequests(t, &log, srv.URL, fmt.Sprintf("%d pages and a search", len(pages)))
	})
}
