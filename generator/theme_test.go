package generator

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"

	"cursus/generator/render"
)

// TestThemeTemplatesMinify: every template of the default theme comes out
// of the minifier minified all through. The HTML minifier gives up on what
// follows a quote it cannot match, as in a template comment: a line break
// before a block element is the sign of a file it left half done.
func TestThemeTemplatesMinify(t *testing.T) {
	mn := newMinifier()
	root := os.DirFS("../themes/default/layouts")
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		src, err := fs.ReadFile(root, p)
		if err != nil {
			return err
		}
		out, err := mn.bytes(render.TemplateType, render.BlankComments(src))
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		for _, block := range []string{"p", "section", "h2", "h3", "div", "ul", "ol", "li", "article", "nav", "header", "footer", "table", "tr"} {
			if i := bytes.Index(out, []byte(">\n<"+block)); i >= 0 {
				t.Errorf("%s: left unminified from %q", p, out[max(0, i-60):min(len(out), i+60)])
				break
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
