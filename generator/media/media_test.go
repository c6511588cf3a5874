package media

import (
	"mime"
	"strings"
	"testing"
)

func TestType(t *testing.T) {
	tests := []struct{ name, typ, contentType string }{
		{"index.html", "text/html", "text/html; charset=utf-8"},
		{"assets/style.3f9a1c2b.css", "text/css", "text/css; charset=utf-8"},
		{"search.js", "application/javascript", "application/javascript; charset=utf-8"},
		{"assets/search-index.5953768b.json", "application/json", "application/json"},
		{"sitemap.xml", "application/xml", "application/xml; charset=utf-8"},
		{"robots.txt", "text/plain", "text/plain; charset=utf-8"},
		{"logo.svg", "image/svg+xml", "image/svg+xml"},
		{"Logo.PNG", "image/png", "image/png"},
		{"fonts/x.woff2", "font/woff2", "font/woff2"},
		{"site.webmanifest", "application/manifest+json", "application/manifest+json"},
		{"README", "", "application/octet-stream"},
		{"data.unknown-to-all", "", "application/octet-stream"},
	}
	for _, tt := range tests {
		if got := Type(tt.name); got != tt.typ {
			t.Errorf("Type(%q) = %q, want %q", tt.name, got, tt.typ)
		}
		if got := ContentType(tt.name); got != tt.contentType {
			t.Errorf("ContentType(%q) = %q, want %q", tt.name, got, tt.contentType)
		}
	}
}

// TestTable checks every row: a bare media type that Go can parse, a
// charset for text only, and an extension in lower case as Type looks it up.
func TestTable(t *testing.T) {
	for ext, row := range types {
		if ext != strings.ToLower(ext) || !strings.HasPrefix(ext, ".") {
			t.Errorf("extension %q: want a lower-case extension with its dot", ext)
		}
		typ, params, err := mime.ParseMediaType(row.typ)
		if err != nil || typ != row.typ || len(params) > 0 {
			t.Errorf("%s: %q is not a bare media type", ext, row.typ)
		}
		ct := ContentType("x" + ext)
		if _, params, err := mime.ParseMediaType(ct); err != nil || (params["charset"] == "utf-8") != row.text {
			t.Errorf("%s: Content-Type %q, text %v", ext, ct, row.text)
		}
		if strings.HasPrefix(row.typ, "text/") && !row.text {
			t.Errorf("%s: %s is text and has no charset", ext, row.typ)
		}
	}
}
