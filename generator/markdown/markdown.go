// Package markdown renders the markdown of pages with one configured
// goldmark: GFM tables and autolinks, French typography, heading ids with
// accents folded, raw HTML off unless asked. It returns data, not just HTML:
// the links and anchors it saw, so that link checking is a pure function.
package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"cursus/generator/content"
)

// Options configure a Renderer. The zero value is the safe default.
type Options struct {
	Unsafe             bool // let raw HTML through
	KeepStraightQuotes bool // no French typographer
	// BasePath prefixes root-relative links ("/metiers/") so that a site
	// published under a sub-path keeps working. "" means "/".
	BasePath string
}

// Renderer converts markdown. It is safe for concurrent use: build one per
// build, not one per page.
type Renderer struct {
	md   goldmark.Markdown
	opts Options
}

// Link is a link destination seen in a page, with the line and byte column
// of its opening bracket in the file.
type Link struct {
	Dest string
	Line int
	Col  int
}

// Heading is an entry of a page's table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Rendered is the result of rendering one page body.
type Rendered struct {
	HTML    []byte
	Links   []Link
	Anchors []string
	TOC     []Heading
}

// New returns a Renderer configured by opts.
func New(opts Options) *Renderer {
	exts := []goldmark.Extender{extension.Table, extension.Strikethrough, extension.Linkify}
	if !opts.KeepStraightQuotes {
		exts = append(exts, extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation]string{
			extension.LeftSingleQuote:  "‘",
			extension.RightSingleQuote: "’",
			extension.LeftDoubleQuote:  "«\u00a0",
			extension.RightDoubleQuote: "\u00a0»",
			extension.LeftAngleQuote:   "«\u00a0",
			extension.RightAngleQuote:  "\u00a0»",
			extension.Apostrophe:       "’",
			extension.EnDash:           "–",
			extension.EmDash:           "—",
			extension.Ellipsis:         "…",
		})))
	}
	var rOpts []goldmark.Option
	if opts.Unsafe {
		rOpts = append(rOpts, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	rOpts = append(rOpts, goldmark.WithExtensions(exts...), goldmark.WithParserOptions(parser.WithAutoHeadingID()))
	if opts.BasePath == "" {
		opts.BasePath = "/"
	}
	return &Renderer{md: goldmark.New(rOpts...), opts: opts}
}

// Render converts src. firstLine is the line of src's first line in its
// file, so that link lines point into the file.
func (r *Renderer) Render(src []byte, firstLine int) (*Rendered, error) {
	ids := newIDs()
	ctx := parser.NewContext(parser.WithIDs(ids))
	doc := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	out := &Rendered{}
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			line, col := at(src, n, firstLine)
			n.Destination = r.collect(out, n.Destination, line, col)
		case *ast.Image:
			line, col := at(src, n, firstLine)
			n.Destination = r.collect(out, n.Destination, line, col)
		case *ast.Heading:
			if id, ok := n.AttributeString("id"); ok {
				idb, _ := id.([]byte)
				out.Anchors = append(out.Anchors, string(idb))
				out.TOC = append(out.TOC, Heading{Level: n.Level, ID: string(idb), Text: plainText(n, src)})
			}
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := r.md.Renderer().Render(&buf, src, doc); err != nil {
		return nil, err
	}
	out.HTML = buf.Bytes()
	if !r.opts.KeepStraightQuotes {
		out.HTML = FrenchHTML(out.HTML)
	}
	return out, nil
}

// collect records a link found at line and col and returns its destination
// with root-relative paths moved under the base path.
func (r *Renderer) collect(out *Rendered, dest []byte, line, col int) []byte {
	d := string(dest)
	out.Links = append(out.Links, Link{Dest: d, Line: line, Col: col})
	if strings.HasPrefix(d, "/") && !strings.HasPrefix(d, "//") && r.opts.BasePath != "/" {
		return []byte(r.opts.BasePath + strings.TrimPrefix(d, "/"))
	}
	return dest
}

// at finds the line and byte column of an inline node: its own position
// (a link's opening bracket), or its closest ancestor's.
func at(src []byte, n ast.Node, firstLine int) (line, col int) {
	offset := -1
	for c := n; c != nil && offset < 0; c = c.Parent() {
		if p := c.Pos(); p >= 0 {
			offset = p
		}
	}
	if offset < 0 || offset > len(src) {
		return firstLine, 1
	}
	before := src[:offset]
	return firstLine + bytes.Count(before, []byte("\n")), offset - bytes.LastIndexByte(before, '\n')
}

func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch t := c.(type) {
			case *ast.Text:
				b.Write(t.Segment.Value(src))
			case *ast.String:
				b.Write(t.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// ids generates heading ids from the heading text with accents folded, so
// "Modalités d'évaluation" gets #modalites-d-evaluation, unique per page.
type ids struct{ seen map[string]bool }

func newIDs() *ids { return &ids{seen: map[string]bool{}} }

func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := content.Slugify(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; s.seen[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.seen[id] = true
	return []byte(id)
}

func (s *ids) Put(value []byte) { s.seen[string(value)] = true }
