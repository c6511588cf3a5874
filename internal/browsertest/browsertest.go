// Package browsertest starts Debian's headless Chromium for tests through
// chromedp, with the flags this sandbox needs, and never downloads a browser.
// Without a browser the test is skipped with a message saying how to run it,
// except under CI=true, where a missing browser is a failure.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"

	"github.com/chromedp/chromedp"
)

// Path returns the Chromium binary to use: $CHROMIUM, /usr/bin/chromium, or
// chromium on PATH.
func Path() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	return ""
}

// New starts a fresh headless Chromium (own user-data-dir) and returns a
// chromedp context for one tab, cancelled when the test ends. width and
// height are the size of the page's viewport (innerWidth, innerHeight).
//
// chromedp v0.23 has a generic API: chromedp.Do(ctx, actions...) runs
// actions without values; v, err := chromedp.Run(ctx, chromedp.Text(sel))
// returns one value.
func New(t testing.TB, width, height int) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped under -short")
	}
	bin := Path()
	if bin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no Chromium found: install it with apt-get install -y chromium (bash .ci/run does)")
		}
		t.Skip("browser test skipped: no Chromium; run bash .ci/run, or apt-get install -y chromium then go test ./...")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// Headless Chromium keeps its window 500 px wide at least and takes
	// its frame off the height: the viewport is emulated, so that 390 px
	// means what a phone shows.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}
