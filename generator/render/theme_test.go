package render

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"cursus/generator/diag"
)

func TestBlankComments(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"a{{/* it's */}}b", "a{{/**/}}b"},
		{"{{- /* \"x\n y */ -}}<p>", "{{- /**/ -}}<p>"},
		{"{{/* a */}}{{.X}}{{/* b */}}", "{{/**/}}{{.X}}{{/**/}}"},
		{"{{\"/* not a comment */\"}}", "{{\"/* not a comment */\"}}"},
		{"no comment", "no comment"},
	} {
		if got := string(BlankComments([]byte(tt.in))); got != tt.want {
			t.Errorf("BlankComments(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestClonesPerLayout: a layout is cloned (and escaped) once per goroutine
// rendering it at the same time, not once per goroutine of the build: a
// layout of one page costs one clone.
func TestClonesPerLayout(t *testing.T) {
	site := fstest.MapFS{
		"t/layouts/base.html":           {Data: []byte(`<!doctype html><title>{{.}}</title>{{block "main" .}}{{end}}`)},
		"t/layouts/partials/p.html":     {Data: []byte(`{{define "p"}}<p>{{.}}</p>{{end}}`)},
		"t/layouts/one.html":            {Data: []byte(`{{define "main"}}{{template "p" .}}{{end}}`)},
		"t/layouts/many.html":           {Data: []byte(`{{define "main"}}<b>{{.}}</b>{{end}}`)},
		"t/layouts/never-rendered.html": {Data: []byte(`{{define "main"}}{{end}}`)},
	}
	th, err := Load(site, "t", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		page, err := th.Render("many", i)
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("<b>%d</b>", i); !strings.Contains(string(page), want) {
			t.Errorf("page %d = %s, want %s in it", i, page, want)
		}
	}
	if _, err := th.Render("one", "x"); err != nil {
		t.Fatal(err)
	}
	// Two pages of "many" at once need two clones.
	inner := make(chan error, 1)
	err = th.RenderFunc("many", "outer", func([]byte) error {
		_, err := th.Render("many", "inner")
		inner <- err
		return nil
	})
	if err == nil {
		err = <-inner
	}
	if err != nil {
		t.Fatal(err)
	}
	for layout, want := range map[string]int{"many": 2, "one": 1, "never-rendered": 0} {
		if got := len(th.free[layout]); got != want {
			t.Errorf("%s: %d clones, want %d", layout, got, want)
		}
	}
	if _, err := th.Render("absent", nil); err == nil || !strings.Contains(err.Error(), `no layout "absent"`) {
		t.Errorf("absent layout: err = %v", err)
	}
}

// TestParseErrors: a template that does not parse is reported at the line
// and column of the action at fault, in every file at once.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"missing value", map[string]string{
			"t/layouts/page.html": "{{define \"main\"}}\n<p>{{.Title}} {{if}}</p>\n{{end}}\n",
		}, []string{"t/layouts/page.html:2:15: missing value for if"}},
		{"unexpected end", map[string]string{
			"t/layouts/page.html": "{{define \"main\"}}\n<p>{{.Title}}</p>{{end}}\n  {{end}}\n",
		}, []string{"t/layouts/page.html:3:3: unexpected {{end}}"}},
		{"unknown function, second action of the line", map[string]string{
			"t/layouts/page.html": "{{define \"main\"}}<p>{{.Title}}</p> <p>{{nope .}}</p>{{end}}\n",
		}, []string{`t/layouts/page.html:1:39: function "nope" not defined`}},
		{"in a partial and a layout at once", map[string]string{
			"t/layouts/partials/p.html": "{{define \"p\"}}\n\n{{else}}{{end}}\n",
			"t/layouts/page.html":       "{{define \"main\"}}{{if}}{{end}}\n",
		}, []string{
			"t/layouts/page.html:1:18: missing value for if",
			"t/layouts/partials/p.html:3:1: unexpected {{else}} in define clause",
		}},
		{"unclosed if: the end of the file", map[string]string{
			"t/layouts/page.html": "{{define \"main\"}}\n<p>{{if .}}</p>\n",
		}, []string{"t/layouts/page.html:3:1: unexpected EOF"}},
		{"base", map[string]string{
			"t/layouts/base.html": "<!doctype html>\n<title>{{.}}</title>\n{{block \"main\" .}}{{end}}{{end}}\n",
		}, []string{"t/layouts/base.html:3:26: unexpected {{end}}"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := fstest.MapFS{
				"t/layouts/base.html":       {Data: []byte(`<!doctype html><title>{{.}}</title>{{block "main" .}}{{end}}`)},
				"t/layouts/partials/p.html": {Data: []byte(`{{define "p"}}<p>{{.}}</p>{{end}}`)},
			}
			for name, src := range tt.files {
				site[name] = &fstest.MapFile{Data: []byte(src)}
			}
			_, err := Load(site, "t", Options{})
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("error %v (%T), want a diag.List", err, err)
			}
			if got, want := strings.Join(list.Lines(), "\n"), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
