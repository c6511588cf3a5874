package quality

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"cursus/generator"
)

// nginxBase is the sub-path the nginx gate publishes under, as
// docs/nginx.conf shows.
const nginxBase = "/cursus/"

// TestNginx serves a build made with a sub-path baseURL with a real nginx
// and the configuration docs/nginx.conf recommends, then checks that every
// link and asset of every page answers 200, that an unknown URL gets the
// theme's 404 page with status 404, that fingerprinted assets are cached
// for ever and pages revalidated, and that responses are compressed.
func TestNginx(t *testing.T) {
	bin, _ := exec.LookPath("nginx")
	if bin == "" {
		if _, err := os.Stat("/usr/sbin/nginx"); err == nil {
			bin = "/usr/sbin/nginx"
		}
	}
	need(t, bin != "", "nginx", "apt-get install -y nginx")
	out, err := generator.Build(os.DirFS(root), generator.Options{Minify: true, BaseURL: "https://exemple.fr" + nginxBase})
	if err != nil {
		t.Fatal(err)
	}
	www := t.TempDir()
	if err := generator.Write(out, filepath.Join(www, strings.Trim(nginxBase, "/"))); err != nil {
		t.Fatal(err)
	}
	srv := startNginx(t, bin, www)
	client := &http.Client{
		Transport:     &http.Transport{DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	get := func(u string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest("GET", u, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body io.Reader = resp.Body
		if resp.Header.Get("Content-Encoding") == "gzip" {
			if body, err = gzip.NewReader(resp.Body); err != nil {
				t.Fatal(err)
			}
		}
		data, err := io.ReadAll(body)
		if err != nil {
			t.Fatal(err)
		}
		return resp, data
	}

	// Every page, and every internal link and asset each one names.
	urls := map[string]string{} // URL path → a page naming it
	for name, data := range out.Files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		page := nginxBase + strings.TrimSuffix(name, "index.html")
		urls[page] = "(the page itself)"
		from, _ := url.Parse(page)
		for _, ref := range pageLinks(data) {
			u, err := from.Parse(ref)
			if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
				continue
			}
			if _, seen := urls[u.Path]; !seen {
				urls[u.Path] = name
			}
		}
	}
	paths := make([]string, 0, len(urls))
	for p := range urls {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if resp, _ := get(srv + p); resp.StatusCode != http.StatusOK {
			t.Errorf("%s (named by %s): status %d", p, urls[p], resp.StatusCode)
		}
	}
	t.Logf("nginx: %d URLs of %d pages answer", len(paths), out.Pages)

	resp, body := get(srv + nginxBase + "pas-de-page/")
	if resp.StatusCode != http.StatusNotFound || string(body) != string(out.Files["404.html"]) {
		t.Errorf("unknown URL: status %d, theme's 404 page: %v", resp.StatusCode, string(body) == string(out.Files["404.html"]))
	}

	var css string
	for _, a := range out.Assets {
		if strings.HasSuffix(a, ".css") {
			css = a
		}
	}
	for _, c := range []struct{ path, cache string }{
		{nginxBase + css, "public, max-age=31536000, immutable"},
		{nginxBase, "no-cache"},
		{nginxBase + "blocs/", "no-cache"},
	} {
		resp, _ := get(srv + c.path)
		if got := resp.Header.Get("Cache-Control"); got != c.cache {
			t.Errorf("%s: Cache-Control %q, want %q", c.path, got, c.cache)
		}
		if got := resp.Header.Get("Content-Encoding"); got != "gzip" {
			t.Errorf("%s: Content-Encoding %q, want gzip", c.path, got)
		}
	}
}

// startNginx runs nginx on a free loopback port with docs/nginx.conf, its
// root set to www, and returns its URL; it stops when the test ends.
func startNginx(t *testing.T, bin, www string) string {
	t.Helper()
	conf, err := os.ReadFile(filepath.Join(root, "docs", "nginx.conf"))
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	server := strings.NewReplacer("listen 80;", "listen "+addr+";", "root /var/www;", "root "+www+";").Replace(string(conf))
	if !strings.Contains(server, addr) || !strings.Contains(server, www) {
		t.Fatal("docs/nginx.conf no longer has the lines \"listen 80;\" and \"root /var/www;\" this test replaces")
	}
	dir := t.TempDir()
	mime := "/etc/nginx/mime.types"
	// Run as root, nginx's workers would be nobody, who cannot read the
	// test's private temporary directories.
	user := ""
	if os.Geteuid() == 0 {
		user = "user root;"
	}
	main := fmt.Sprintf(`daemon off;
%[4]s
pid %[1]s/nginx.pid;
error_log %[1]s/error.log;
events {}
http {
    include %[2]s;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path %[1]s/body;
    proxy_temp_path %[1]s/proxy;
    fastcgi_temp_path %[1]s/fastcgi;
    uwsgi_temp_path %[1]s/uwsgi;
    scgi_temp_path %[1]s/scgi;
%[3]s
}
`, dir, mime, server, user)
	if err := os.WriteFile(filepath.Join(dir, "nginx.conf"), []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-p", dir, "-c", filepath.Join(dir, "nginx.conf"), "-e", filepath.Join(dir, "error.log"))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt) // nginx: fast shutdown
		<-exited
		if t.Failed() {
			log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Logf("nginx error.log:\n%s", log)
		}
	})
	// Wait until nginx listens, or has exited.
	for {
		select {
		case err := <-exited:
			log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Fatalf("nginx exited: %v\n%s%s", err, stderr.String(), log)
		default:
		}
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return "http://" + addr
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// pageLinks returns the href and src of the tags of an HTML page.
func pageLinks(doc []byte) []string {
	var refs []string
	z := html.NewTokenizer(bytes.NewReader(doc))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return refs
		case html.StartTagToken, html.SelfClosingTagToken:
			for {
				k, v, more := z.TagAttr()
				if k := string(k); k == "href" || k == "src" {
					refs = append(refs, string(v))
				}
				if !more {
					break
				}
			}
		}
	}
}
