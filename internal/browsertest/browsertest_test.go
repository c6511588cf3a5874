package browsertest

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestBrowserOpensALocalPage(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><html lang="fr"><title>t</title><h1 id="h">Bonjour</h1></html>`))
	}))
	defer srv.Close()
	ctx := New(t, 390, 844)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL)); err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text("#h"))
	if err != nil {
		t.Fatal(err)
	}
	if text != "Bonjour" {
		t.Errorf("text = %q", text)
	}
	// Narrower than the 500 px a headless window keeps at least.
	size, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`[innerWidth, innerHeight]`))
	if err != nil || len(size) != 2 || size[0] != 390 || size[1] != 844 {
		t.Errorf("viewport = %v (%v), want 390×844", size, err)
	}
}
