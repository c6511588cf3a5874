package render

import (
	"html/template"
	"sort"
	"strings"
	"text/template/parse"

	"cursus/generator/diag"
)

// A partial rendered through {{cached "name" …}} runs as a template of its
// own, so text/template's limit on nested {{template}} calls does not see
// a cached partial that calls itself, directly or through others: the
// process would grow its stack until it dies. cachedCycles finds such
// calls when the theme loads and reports each at its {{cached}}, in the
// template as written.

// call is one call of a template by another.
type call struct {
	to     string
	cached bool
	pos    parse.Pos
	from   string // the file of the template making the call
}

// cachedCycles reports every {{cached}} call that leads back to the
// partial it renders. cached renders partials of the common set (the base
// and the partials), so only that set's templates can take part.
func (t *Theme) cachedCycles(common *template.Template) diag.List {
	calls := map[string][]call{}
	for _, tmpl := range common.Templates() {
		if tmpl.Tree == nil || tmpl.Tree.Root == nil {
			continue
		}
		file := tmpl.Tree.ParseName
		walk(tmpl.Tree.Root, func(c call) {
			c.from = file
			calls[tmpl.Name()] = append(calls[tmpl.Name()], c)
		})
	}
	var errs diag.List
	for _, from := range sortedKeys(calls) {
		for _, c := range calls[from] {
			if !c.cached {
				continue
			}
			if path := cycle(calls, c.to, from); path != nil {
				line, col := t.position(c.from, int(c.pos))
				errs.Add(diag.Pos{File: c.from, Line: line, Col: col},
					"cached %q calls itself again (%s): a cached partial must not call itself; use {{template}} for recursion",
					c.to, strings.Join(append([]string{from}, path...), " → "))
			}
		}
	}
	return errs
}

// cycle returns the names of a chain of calls from start back to target,
// or nil.
func cycle(calls map[string][]call, start, target string) []string {
	seen := map[string]bool{}
	var visit func(name string) []string
	visit = func(name string) []string {
		if name == target {
			return []string{name}
		}
		if seen[name] {
			return nil
		}
		seen[name] = true
		for _, c := range calls[name] {
			if rest := visit(c.to); rest != nil {
				return append([]string{name}, rest...)
			}
		}
		return nil
	}
	return visit(start)
}

// walk calls found for every {{template}} and {{cached "name" …}} in the
// tree below n.
func walk(n parse.Node, found func(call)) {
	walkNodes(n, func(n parse.Node) {
		switch n := n.(type) {
		case *parse.CommandNode:
			if fn, s := stringCall(n); fn == "cached" {
				found(call{to: s.Text, cached: true, pos: s.Pos})
			}
		case *parse.TemplateNode:
			found(call{to: n.Name, pos: n.Pos})
		}
	})
}

// position returns the line and column, as written, of an offset in the
// parsed source of a template file.
func (t *Theme) position(file string, off int) (line, col int) {
	src, ok := t.sources[file]
	if !ok {
		return 0, 0
	}
	if mapped, ok := mapOffset(src, off); ok {
		line, col = lineCol(src.written, mapped)
	} else {
		line, col = lineCol(src.parsed, min(off, len(src.parsed)))
	}
	return line, col + 1
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
