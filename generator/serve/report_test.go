package serve

import "testing"

func TestDescribe(t *testing.T) {
	tests := []struct {
		m       message
		changed []string
		want    string
	}{
		{message{All: true}, nil, "built the site"},
		{message{All: true}, []string{"themes/default/layouts/base.html"}, "rebuilt after themes/default/layouts/base.html: every page"},
		{message{CSS: map[string]string{"a": "b"}}, []string{"themes/default/static/style.css"}, "rebuilt after themes/default/static/style.css: stylesheet swapped in place"},
		{message{}, []string{"content/index.md"}, "rebuilt after content/index.md: no page changed"},
		{message{Pages: []string{"/"}}, []string{"content/index.md"}, "rebuilt after content/index.md: /"},
		{message{Pages: []string{"/a/", "/b/"}}, []string{"a", "b", "c", "d"}, "rebuilt after 4 changes: 2 pages"},
	}
	for _, tt := range tests {
		if got := describe(tt.m, tt.changed); got != tt.want {
			t.Errorf("describe(%+v, %q) = %q, want %q", tt.m, tt.changed, got, tt.want)
		}
	}
}
