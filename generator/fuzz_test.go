package generator

import (
	"bytes"
	"errors"
	"maps"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"cursus/generator/diag"
)

// FuzzTemplateData builds the bundled content with the default theme after
// replacing one bloc and one page with what the fuzzer writes: whatever
// faculty type reaches the templates as data. A build either fails with
// positioned errors or gives pages where nothing typed became markup: the
// tokenizer finds no script, and no tag outside the theme's own set.
func FuzzTemplateData(f *testing.F) {
	site := bundledFS(f, func(p string) bool {
		return p == "config.toml" || strings.HasPrefix(p, "content/") || strings.HasPrefix(p, "themes/default/")
	})
	bloc := string(site["content/blocs/b8.toml"].Data)
	f.Add(bloc, "+++\ntitle = \"Présentation\"\n+++\nTexte.\n")
	f.Add(strings.Replace(bloc, `title = "`, `title = "<script>alert(1)</script>`, 1), "+++\ntitle = \"<img src=x onerror=alert(1)>\"\n+++\n<script>x</script>\n")
	f.Add(strings.Replace(bloc, "criteria = [", "criteria = [\"{{.Site}}\", ", 1), "+++\ntitle = \"{{template \\\"x\\\"}}\"\nslug = \"a/../../b\"\n+++\n[x](javascript:alert(1))\n")
	f.Fuzz(func(t *testing.T, bloc, page string) {
		fsys := maps.Clone(site)
		fsys["content/blocs/b8.toml"] = &fstest.MapFile{Data: []byte(bloc)}
		fsys["content/presentation.md"] = &fstest.MapFile{Data: []byte(page)}
		out, err := Build(fsys, Options{})
		if err != nil {
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("error %v (%T), want a diag.List", err, err)
			}
			for _, e := range list {
				if e.Pos.File == "" {
					t.Errorf("error without a file: %v", e)
				}
			}
			return
		}
		for name, data := range out.Files {
			if strings.HasSuffix(name, ".html") {
				checkMarkup(t, name, data)
			}
		}
	})
}

// themeTags are the elements the default theme and markdown write.
var themeTags = func() map[string]bool {
	tags := map[string]bool{}
	for _, t := range strings.Fields("html head meta title link script body a header div span svg rect circle path form label input button nav ul ol li main section h1 h2 h3 h4 h5 h6 p article footer table thead tbody tr th td caption strong em code pre blockquote hr br img del input dl dt dd details summary sup abbr aside small figure figcaption mark kbd") {
		tags[t] = true
	}
	return tags
}()

func checkMarkup(t *testing.T, name string, doc []byte) {
	z := html.NewTokenizer(bytes.NewReader(doc))
	scripts := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			if scripts > 1 {
				t.Errorf("%s: %d scripts, the theme has one", name, scripts)
			}
			return
		case html.StartTagToken, html.SelfClosingTagToken:
			tag, hasAttr := z.TagName()
			if string(tag) == "script" && !isJSONLD(z, hasAttr) {
				scripts++
			}
			if !themeTags[string(tag)] {
				t.Errorf("%s: a <%s> element the theme never writes", name, tag)
			}
		}
	}
}

// isJSONLD reports whether the script the tokenizer is at holds structured
// data, which every page has besides the theme's one script.
func isJSONLD(z *html.Tokenizer, more bool) bool {
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		if string(k) == "type" {
			return string(v) == "application/ld+json"
		}
	}
	return false
}
