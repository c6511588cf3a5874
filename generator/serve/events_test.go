package serve

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestEventStreamsAreCapped: each open stream holds a goroutine and its
// buffers, and five thousand of them held 160 MB. Past the cap a browser
// gets 503 and no stream (its page works, without live reload); a stream
// that ends frees its place.
func TestEventStreamsAreCapped(t *testing.T) {
	srv := testServer(newSnapshot(&Site{Files: map[string][]byte{"index.html": []byte("<p>x</p>")}}, 1))
	srv.hub.max = 2
	var log bytes.Buffer
	srv.opts.Stderr = &log
	ts := httptest.NewServer(srv)
	defer ts.Close()
	defer close(srv.done) // ends the streams, or Close would wait for them
	open := func() (*http.Response, context.CancelFunc) {
		t.Helper()
		ctx, cancel := context.WithCancel(context.Background())
		req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+eventsPath+"?b=1", nil)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cancel(); res.Body.Close() })
		return res, cancel
	}
	first, stop := open()
	second, _ := open()
	for i, res := range []*http.Response{first, second} {
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/event-stream" {
			t.Fatalf("stream %d: %d %s, want 200 text/event-stream", i+1, res.StatusCode, res.Header.Get("Content-Type"))
		}
	}
	for range 2 {
		third, _ := open()
		if third.StatusCode != http.StatusServiceUnavailable || third.Header.Get("Content-Type") == "text/event-stream" {
			t.Errorf("stream over the cap: %d %s, want 503 and no stream", third.StatusCode, third.Header.Get("Content-Type"))
		}
	}
	if n := strings.Count(log.String(), "ne se rechargent pas"); n != 1 {
		t.Errorf("the terminal should say once that pages go without live reload, said %d times:\n%s", n, log.String())
	}
	stop()
	deadline := time.Now().Add(5 * time.Second)
	for srv.hub.streams() > 1 {
		if time.Now().After(deadline) {
			t.Fatal("a closed stream still holds its place")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if again, _ := open(); again.StatusCode != 200 {
		t.Errorf("after a stream ended: %d, want 200", again.StatusCode)
	}
}

// TestViewed: a build renders first the pages browsers are on, each once,
// and at most maxShown of them.
func TestViewed(t *testing.T) {
	h := newHub(make(chan struct{}))
	for _, page := range []string{"/b/", "", "/a/", "/b/"} {
		h.subscribe(0, page)
	}
	if got := h.viewed(); !slices.Equal(got, []string{"/a/", "/b/"}) {
		t.Errorf("viewed: %v", got)
	}
	for i := range 2 * maxShown {
		h.subscribe(0, fmt.Sprintf("/p%02d/", i))
	}
	if got := h.viewed(); len(got) != maxShown {
		t.Errorf("viewed %d pages, want %d", len(got), maxShown)
	}
}
