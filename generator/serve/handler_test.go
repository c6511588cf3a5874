package serve

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func testServer(snap *snapshot) *Server {
	s := &Server{done: make(chan struct{})}
	// httptest requests come for example.com: serve any host here, the
	// loopback-only rule has its own test.
	s.opts.Bind = "0.0.0.0"
	s.hub = newHub(s.done)
	s.hub.current.Store(snap)
	return s
}

func TestServeHTTP(t *testing.T) {
	site := &Site{
		Files: map[string][]byte{
			"index.html":                        []byte("<p>home</p>"),
			"blocs/b1/index.html":               []byte("<p>bloc 1</p>"),
			"404.html":                          []byte("<p>introuvable</p>"),
			"assets/style.3f9a1c2b.css":         []byte("body{}"),
			"assets/favicon.0a1b2c3d.svg":       []byte("<svg/>"),
			"assets/search-index.00aa11bb.json": []byte("{}"),
			"sitemap.xml":                       []byte("<urlset/>"),
			"robots.txt":                        []byte("User-agent: *"),
		},
		Assets: []string{"assets/style.3f9a1c2b.css", "assets/favicon.0a1b2c3d.svg", "assets/search-index.00aa11bb.json"},
		Later: map[string]func() ([]byte, error){
			"assets/later.json":  func() ([]byte, error) { return []byte(`{"made":"when asked"}`), nil },
			"assets/broken.json": func() ([]byte, error) { return nil, errors.New("search index: broken") },
		},
	}
	srv := testServer(newSnapshot(site, 1))
	tests := []struct {
		method, path string
		status       int
		ctype        string
		cache        string // prefix
		body         string // substring; for redirects, the Location
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", "no-cache", "home"},
		{"GET", "/index.html", 200, "text/html; charset=utf-8", "no-cache", "home"},
		{"GET", "/blocs/b1/", 200, "text/html; charset=utf-8", "no-cache", "bloc 1"},
		{"GET", "/blocs/b1/?script", 200, "text/html; charset=utf-8", "no-cache", "<p>bloc 1</p>" + snippet(1)},
		{"GET", "/missing/?script", 404, "text/html; charset=utf-8", "no-cache", "<p>introuvable</p>" + snippet(1)},
		{"GET", "/blocs/b1", 301, "", "", "/blocs/b1/"},
		{"GET", "/blocs/b1?x=1", 301, "", "", "/blocs/b1/?x=1"},
		{"GET", "/blocs//b1/", 301, "", "", "/blocs/b1/"},
		{"GET", "/x/../blocs/b1/", 301, "", "", "/blocs/b1/"},
		{"GET", "/../../etc/passwd", 301, "", "", "/etc/passwd"},
		{"GET", "/etc/passwd", 404, "text/html; charset=utf-8", "no-cache", "introuvable"},
		{"GET", "/blocs/", 404, "text/html; charset=utf-8", "no-cache", "introuvable"}, // no listing
		{"GET", "/assets/", 404, "text/html; charset=utf-8", "no-cache", "introuvable"},
		{"GET", "/content/blocs/b1.toml", 404, "text/html; charset=utf-8", "no-cache", "introuvable"},
		{"GET", "/config.toml", 404, "text/html; charset=utf-8", "no-cache", "introuvable"},
		{"GET", "/assets/style.3f9a1c2b.css", 200, "text/css; charset=utf-8", "public, max-age=31536000, immutable", "body{}"},
		{"GET", "/assets/favicon.0a1b2c3d.svg", 200, "image/svg+xml", "public", "<svg/>"},
		{"GET", "/assets/search-index.00aa11bb.json", 200, "application/json", "public", "{}"},
		// An older build's index, still linked from pages that did not reload.
		{"GET", "/assets/search-index.99ff88ee.json", 200, "application/json", "no-cache", "{}"},
		// A file made when first asked for: a preview's search index.
		{"GET", "/assets/later.json", 200, "application/json", "no-cache", `{"made":"when asked"}`},
		{"GET", "/assets/broken.json", 500, "text/plain; charset=utf-8", "", "search index: broken"},
		{"GET", "/sitemap.xml", 200, "application/xml; charset=utf-8", "no-cache", "<urlset/>"},
		{"GET", "/robots.txt", 200, "text/plain; charset=utf-8", "no-cache", "User-agent"},
		{"GET", "/__cursus/live.js", 200, "application/javascript; charset=utf-8", "no-cache", "EventSource"},
		{"HEAD", "/", 200, "text/html; charset=utf-8", "no-cache", ""},
		{"POST", "/", 405, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, nil))
			res := rec.Result()
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.status)
			}
			if res.StatusCode == 301 {
				if loc := res.Header.Get("Location"); loc != tt.body {
					t.Errorf("Location %q, want %q", loc, tt.body)
				}
				return
			}
			if tt.ctype != "" && res.Header.Get("Content-Type") != tt.ctype {
				t.Errorf("Content-Type %q, want %q", res.Header.Get("Content-Type"), tt.ctype)
			}
			if !strings.HasPrefix(res.Header.Get("Cache-Control"), tt.cache) {
				t.Errorf("Cache-Control %q, want %q…", res.Header.Get("Cache-Control"), tt.cache)
			}
			if body := rec.Body.String(); !strings.Contains(body, tt.body) || tt.method == "HEAD" && body != "" {
				t.Errorf("body %q, want it to contain %q", body, tt.body)
			}
		})
	}
}

func TestServeFirstBuildFailed(t *testing.T) {
	srv := testServer(&snapshot{build: 7, errors: []string{`content/blocs/b1.toml:2:6: toml: expected value but found "B" <instead>`}})
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest("GET", "/blocs/b1/", nil))
	body := rec.Body.String()
	if rec.Code != http.StatusInternalServerError {
		t.Errorf("status %d, want 500", rec.Code)
	}
	for _, want := range []string{
		`<html lang="fr">`,
		"content/blocs/b1.toml:2:6: toml: expected value but found &#34;B&#34; &lt;instead&gt;",
		`<script src="/__cursus/live.js?b=7" defer></script>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("error page lacks %q:\n%s", want, body)
		}
	}
}

func TestServeHTTPRefusesForeignHosts(t *testing.T) {
	site := &Site{Files: map[string][]byte{"index.html": []byte("<p>home</p>"), "404.html": []byte("x")}}
	srv := testServer(newSnapshot(site, 1))
	srv.opts.Bind = "127.0.0.1"
	for host, want := range map[string]int{
		"127.0.0.1:1313":    200,
		"localhost:1313":    200,
		"[::1]:1313":        200,
		"app.localhost":     200,
		"evil.example:1313": 403,
		"10.0.0.2:1313":     403,
	} {
		req := httptest.NewRequest("GET", "/", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("Host %s: status %d, want %d", host, rec.Code, want)
		}
	}
	srv.opts.Bind = "0.0.0.0"
	req := httptest.NewRequest("GET", "/", nil)
	req.Host = "evil.example"
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Errorf("bound to 0.0.0.0 on purpose: status %d, want 200", rec.Code)
	}
}
