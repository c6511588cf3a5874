package generator

import (
	"testing"

	"cursus/generator/media"
)

// TestMinifierTypes: each file the build minifies is found by the media
// type the table gives its name, and a type without a minifier comes back
// as it is.
func TestMinifierTypes(t *testing.T) {
	mn := newMinifier()
	tests := []struct{ name, in, want string }{
		{"a.html", "<p>  a  </p>", "<p>a</p>"},
		{"a.css", "a {  color : red ; }", "a{color:red}"},
		{"a.js", "var  a = 1 ;", "var a=1"},
		{"a.json", `{ "a" : [ 1, 2 ] }`, `{"a":[1,2]}`},
		{"a.svg", `<svg  width="1" ></svg>`, `<svg width="1"/>`},
		{"sitemap.xml", "<urlset>\n  <url> </url>\n</urlset>", "<urlset><url/></urlset>"},
		{"a.txt", "  kept  as  is  ", "  kept  as  is  "},
		{"a.png", "\x89PNG  ", "\x89PNG  "},
		{"LICENSE", "  MIT  ", "  MIT  "},
	}
	for _, tt := range tests {
		out, err := mn.bytes(media.Type(tt.name), []byte(tt.in))
		if err != nil || string(out) != tt.want {
			t.Errorf("%s (%q): %q, %v; want %q", tt.name, media.Type(tt.name), out, err, tt.want)
		}
	}
}
