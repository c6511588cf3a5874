package generator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"path"
	"strings"

	"golang.org/x/net/html"

	"cursus/generator/search"
)

// With relativeURLs = true, every internal URL of a published page is
// written relative to that page, so that the site opens from disk
// (file://) or from any directory of any host. A browser opening a
// directory from disk shows its listing, not its index.html: a relative
// URL to a directory names index.html ("../blocs/index.html").
//
// Pages are rendered with URLs under the base path, as usual, and their
// links checked; relativize then rewrites each page's HTML. It is the one
// place that knows relative URLs.

// urlAttrs are the attributes whose value is a URL (srcset holds several).
var urlAttrs = map[string]bool{"href": true, "src": true, "srcset": true, "action": true, "poster": true, "data-index": true}

// relativize rewrites the URLs under the base path in the attributes of
// doc's tags (href, src, srcset, action, poster, data-index) relative to the
// published file it is. Everything else is copied byte for byte.
func relativize(doc []byte, file, base string) []byte {
	var out bytes.Buffer
	out.Grow(len(doc) + len(doc)/16)
	z := html.NewTokenizer(bytes.NewReader(doc))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out.Bytes()
		}
		raw := z.Raw()
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken || !bytes.Contains(raw, []byte(base)) {
			out.Write(raw)
			continue
		}
		// Copy raw before Token, which may reuse the tokenizer's buffer.
		raw = bytes.Clone(raw)
		tok := z.Token()
		changed := false
		for i, a := range tok.Attr {
			if a.Namespace != "" || !urlAttrs[a.Key] {
				continue
			}
			var v string
			if a.Key == "srcset" {
				v = relativeSrcset(a.Val, file, base)
			} else {
				v = relativeURL(a.Val, file, base)
			}
			if v != a.Val {
				tok.Attr[i].Val, changed = v, true
			}
		}
		if changed {
			out.WriteString(tok.String())
		} else {
			out.Write(raw)
		}
	}
}

// relativeURL returns u relative to the published file from when u is a
// URL under the base path, or u as it is.
func relativeURL(u, from, base string) string {
	if !strings.HasPrefix(u, base) || strings.HasPrefix(u, "//") {
		return u
	}
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	target := strings.TrimPrefix(p.Path, base)
	if target == "" || strings.HasSuffix(target, "/") {
		target += "index.html"
	}
	rel := relativePath(path.Dir(from), target)
	if p.RawQuery != "" || p.ForceQuery {
		rel += "?" + p.RawQuery
	}
	if p.Fragment != "" {
		rel += "#" + p.EscapedFragment()
	}
	return rel
}

// relativePath returns the slash path of file seen from the directory dir,
// both relative to the site root ("." is the root).
func relativePath(dir, file string) string {
	var from []string
	if dir != "." {
		from = strings.Split(dir, "/")
	}
	to := strings.Split(file, "/")
	n := 0
	for n < len(from) && n < len(to)-1 && from[n] == to[n] {
		n++
	}
	rel := strings.Repeat("../", len(from)-n) + strings.Join(to[n:], "/")
	// A first segment with a colon would read as a scheme.
	if first, _, _ := strings.Cut(rel, "/"); strings.Contains(first, ":") {
		rel = "./" + rel
	}
	return rel
}

// relativeSrcset rewrites each URL of a srcset ("a.png 1x, b.png 2x").
func relativeSrcset(v, from, base string) string {
	parts := strings.Split(v, ",")
	for i, part := range parts {
		fields := strings.Fields(part)
		if len(fields) == 0 {
			continue
		}
		fields[0] = relativeURL(fields[0], from, base)
		parts[i] = strings.Join(fields, " ")
	}
	return strings.Join(parts, ", ")
}

// relativeIndex rewrites the URLs of the search index published at file
// relative to it; the search script resolves them against the index's URL.
// The index keeps its name, the fingerprint of the index with URLs under
// the base path: the one is a function of the other.
func relativeIndex(data []byte, file, base string) ([]byte, error) {
	var ix search.Index
	if err := json.Unmarshal(data, &ix); err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	for i := range ix.Docs {
		ix.Docs[i].URL = relativeURL(ix.Docs[i].URL, file, base)
	}
	return ix.JSON()
}
