package render

import (
	"bytes"
	"text/template/parse"

	"golang.org/x/net/html"
)

// Link is a link a theme's template writes whatever the page: the site
// path given to {{url "/x/"}} or {{abs "/x/"}}, or an href or src written
// as text in the template. The build checks that each leads to a page or
// file of the site, once, instead of reading every rendered page.
type Link struct {
	Dest      string
	File      string // the template file, as written
	Line, Col int
	// Literal is true for an href or src written as text: it bypasses the
	// base path, so it is right only for a site at the root of its host.
	Literal bool
}

// Links returns the links the theme's templates write, in file order.
func (t *Theme) Links() []Link { return t.links }

// linksOf returns the links of one parse tree.
func (t *Theme) linksOf(tree *parse.Tree) []Link {
	if tree == nil || tree.Root == nil {
		return nil
	}
	file := tree.ParseName
	var out []Link
	at := func(pos int) (int, int) { return t.position(file, pos) }
	walkNodes(tree.Root, func(n parse.Node) {
		switch n := n.(type) {
		case *parse.CommandNode:
			if fn, s := stringCall(n); fn == "url" || fn == "abs" {
				line, col := at(int(s.Pos))
				out = append(out, Link{Dest: s.Text, File: file, Line: line, Col: col})
			}
		case *parse.TextNode:
			for _, v := range attrLinks(n.Text) {
				line, col := t.textPosition(file, int(n.Pos)+v.off, v.dest)
				out = append(out, Link{Dest: v.dest, File: file, Line: line, Col: col, Literal: true})
			}
		}
	})
	return out
}

type attrLink struct {
	dest string
	off  int
}

// attrLinks returns the href and src values written whole in a piece of
// template text, with their offsets in it. A value an action completes
// ({{…}}) is not whole: the tokenizer sees it end with the text.
func attrLinks(text []byte) []attrLink {
	if !bytes.Contains(text, []byte("href=")) && !bytes.Contains(text, []byte("src=")) {
		return nil // most text of a template: no tokenizer for it
	}
	var out []attrLink
	z := html.NewTokenizer(bytes.NewReader(text))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		raw := z.Raw()
		if len(raw) == 0 || raw[len(raw)-1] != '>' {
			continue // the tag goes on in an action
		}
		_, more := z.TagName()
		for more {
			var k, v []byte
			k, v, more = z.TagAttr()
			if (string(k) == "href" || string(k) == "src") && len(v) > 0 {
				off := bytes.Index(text, raw) + bytes.Index(raw, v)
				out = append(out, attrLink{dest: string(v), off: off})
			}
		}
	}
}

// stringCall returns the function a command calls and its first argument
// when that argument is a quoted string ({{url "/x/"}}, {{cached "name" .}}),
// or "" and nil.
func stringCall(n *parse.CommandNode) (string, *parse.StringNode) {
	if len(n.Args) < 2 {
		return "", nil
	}
	id, ok := n.Args[0].(*parse.IdentifierNode)
	s, isString := n.Args[1].(*parse.StringNode)
	if !ok || !isString {
		return "", nil
	}
	return id.Ident, s
}

// walkNodes calls visit for every node below n.
func walkNodes(n parse.Node, visit func(parse.Node)) {
	if n == nil {
		return
	}
	visit(n)
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walkNodes(c, visit)
			}
		}
	case *parse.ActionNode:
		walkNodes(n.Pipe, visit)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				walkNodes(c, visit)
			}
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walkNodes(a, visit)
		}
	case *parse.TemplateNode:
		walkNodes(n.Pipe, visit)
	case *parse.IfNode:
		walkNodes(n.Pipe, visit)
		walkNodes(n.List, visit)
		walkNodes(n.ElseList, visit)
	case *parse.RangeNode:
		walkNodes(n.Pipe, visit)
		walkNodes(n.List, visit)
		walkNodes(n.ElseList, visit)
	case *parse.WithNode:
		walkNodes(n.Pipe, visit)
		walkNodes(n.List, visit)
		walkNodes(n.ElseList, visit)
	}
}

// textPosition returns the line and column, as written, of text found at
// offset off of the parsed source of file: the n-th occurrence of text in
// the parsed source is the n-th in the source as written, which the
// minifier changed around it.
func (t *Theme) textPosition(file string, off int, text string) (line, col int) {
	src, ok := t.sources[file]
	if !ok {
		return 0, 0
	}
	k := bytes.Count(src.parsed[:off], []byte(text))
	at := 0
	for i := 0; i <= k; i++ {
		j := bytes.Index(src.written[at:], []byte(text))
		if j < 0 {
			return t.position(file, off)
		}
		if i < k {
			at += j + len(text)
		} else {
			at += j
		}
	}
	line, col = lineCol(src.written, at)
	return line, col + 1
}
