package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"cursus/generator/diag"
	"cursus/generator/msg"
)

// source is one existing content file: its bytes and what it decoded to,
// with enough of the layout kept to point a message at a line.
type source struct {
	lang msg.Lang // of the errors
	path string
	data []byte
	m    map[string]any
	keys []toml.Key
	errs *diag.List
	// order gives, per table ("" for the top level), the rank at which
	// each key name first appears in the file.
	order map[string]map[string]int
}

// rank returns where key first appears in table, computed once per file:
// a file with many tables must not be scanned once per table.
func (s *source) rank(table, key string) int {
	if s.order == nil {
		s.order = map[string]map[string]int{}
		first := func(table, name string, i int) {
			if s.order[table] == nil {
				s.order[table] = map[string]int{}
			}
			if _, ok := s.order[table][name]; !ok {
				s.order[table][name] = i
			}
		}
		for i, k := range s.keys {
			first("", k[0], i) // a dotted key a.b = 1 ranks a
			if len(k) >= 2 {
				first(k[0], k[1], i)
			}
		}
	}
	if r, ok := s.order[table][key]; ok {
		return r
	}
	return len(s.keys)
}

// readSource reads and decodes path from fsys; ok is false when the file
// does not exist, which is not an error: the import creates it. Errors are
// in lang.
func readSource(lang msg.Lang, fsys fs.FS, path string, errs *diag.List) (src *source, ok bool) {
	if fsys == nil {
		return nil, false
	}
	data, err := fs.ReadFile(fsys, path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false
	}
	if err != nil {
		errs.Add(diag.Pos{File: path}, "%s", lang.F(msg.ExistingRead, err))
		return nil, false
	}
	s := &source{lang: lang, path: path, data: data, errs: errs}
	md, err := toml.Decode(string(data), &s.m)
	if err != nil {
		var pe toml.ParseError
		pos := diag.Pos{File: path}
		if errors.As(err, &pe) {
			pos.Line, pos.Col = max(pe.Position.Line, 1), max(pe.Position.Col, 1)
			err = errors.New(pe.Message)
		}
		errs.Add(pos, "%s", lang.F(msg.ExistingTOML, err))
		return nil, false
	}
	s.keys = md.Keys()
	return s, true
}

// comment returns the comment lines the file starts with, and the blank
// lines after them, verbatim.
func (s *source) comment() string {
	rest, end, seen := string(s.data), 0, false
	for rest != "" {
		line, after, _ := strings.Cut(rest, "\n")
		trimmed := strings.TrimSpace(line)
		if trimmed != "" && !strings.HasPrefix(trimmed, "#") {
			break
		}
		seen = seen || trimmed != ""
		end += len(line) + 1
		rest = after
	}
	if !seen {
		return ""
	}
	return string(s.data)[:min(end, len(s.data))]
}

// pos finds the line that sets key in the table (or n-th element of an
// array of tables) named table, "" being the top level. TOML decoding does
// not report positions of values, and a message without a line is no help.
func (s *source) pos(table string, n int, key string) diag.Pos {
	if s == nil {
		return diag.Pos{}
	}
	header := regexp.MustCompile(`^\s*\[\[?\s*` + regexp.QuoteMeta(table) + `\s*\]\]?\s*(#.*)?$`)
	keyRe := regexp.MustCompile(`^\s*"?` + regexp.QuoteMeta(key) + `"?\s*=`)
	in, seen := table == "", -1
	for i, line := range strings.Split(string(s.data), "\n") {
		switch {
		case strings.HasPrefix(strings.TrimSpace(line), "["):
			in = false
			if table != "" && header.MatchString(line) {
				seen++
				in = seen == n
			}
		case in && keyRe.MatchString(line):
			return diag.Pos{File: s.path, Line: i + 1, Col: strings.Index(line, strings.TrimSpace(line)) + 1}
		}
	}
	return diag.Pos{File: s.path}
}

// getter reads the managed keys of one table of a source, reporting values
// of the wrong type, and hands back the keys it did not manage as extras.
type getter struct {
	s     *source
	table string // "" for the top level
	n     int    // index in an array of tables
	m     map[string]any
	used  []string
}

// fail records that key does not have the type k says.
func (g *getter) fail(key string, k msg.Key) {
	g.s.errs.Add(g.s.pos(g.table, g.n, key), "%s", g.s.lang.F(k, key))
}

func (g *getter) str(key string) string {
	g.used = append(g.used, key)
	v, ok := g.m[key]
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		g.fail(key, msg.ExistingString)
	}
	return s
}

func (g *getter) int(key string) int {
	g.used = append(g.used, key)
	v, ok := g.m[key]
	if !ok {
		return 0
	}
	i, ok := v.(int64)
	if !ok {
		g.fail(key, msg.ExistingInt)
	}
	return int(i)
}

func (g *getter) strs(key string) []string {
	g.used = append(g.used, key)
	v, ok := g.m[key]
	if !ok {
		return nil
	}
	list, ok := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		s, isStr := x.(string)
		ok = ok && isStr
		out = append(out, s)
	}
	if !ok {
		g.fail(key, msg.ExistingStrings)
	}
	return out
}

// tables returns the elements of the array of tables key.
func (g *getter) tables(key string) []map[string]any {
	g.used = append(g.used, key)
	switch v := g.m[key].(type) {
	case nil:
		return nil
	case []map[string]any:
		return v
	case []any:
		out := make([]map[string]any, 0, len(v))
		for _, x := range v {
			if t, ok := x.(map[string]any); ok {
				out = append(out, t)
			}
		}
		if len(out) == len(v) {
			return out
		}
	}
	g.fail(key, msg.ExistingTables)
	return nil
}

// extras returns the keys not read through g, in the order the file has
// them, so that what people added by hand is written back where it was.
func (g *getter) extras() []extra {
	var names []string
	for k := range g.m {
		if !slices.Contains(g.used, k) {
			names = append(names, k)
		}
	}
	slices.SortFunc(names, func(a, b string) int {
		ia, ib := g.s.rank(g.table, a), g.s.rank(g.table, b)
		if ia != ib {
			return ia - ib
		}
		return strings.Compare(a, b)
	})
	out := make([]extra, len(names))
	for i, k := range names {
		out[i] = extra{k, g.m[k]}
	}
	return out
}

func readBlocDoc(s *source) *blocDoc {
	g := &getter{s: s, m: s.m}
	d := &blocDoc{
		comment:    s.comment(),
		id:         g.str("id"),
		number:     g.int("number"),
		title:      g.str("title"),
		label:      g.str("label"),
		activities: g.strs("activities"),
		modalites:  g.strs("modalites"),
	}
	for i, t := range g.tables("metiers") {
		mg := &getter{s: s, table: "metiers", n: i, m: t}
		d.metiers = append(d.metiers, metierDoc{id: mg.str("id"), title: mg.str("title")})
		d.metiers[i].extras = mg.extras()
	}
	for i, t := range g.tables("competences") {
		cg := &getter{s: s, table: "competences", n: i, m: t}
		c := competenceDoc{id: cg.str("id"), label: cg.str("label"), text: cg.str("text"),
			modalites: cg.strs("modalites"), criteria: cg.strs("criteria")}
		c.extras = cg.extras()
		d.competences = append(d.competences, c)
	}
	d.extras = g.extras()
	return d
}

func readModalitesDoc(s *source) *modalitesDoc {
	g := &getter{s: s, m: s.m}
	d := &modalitesDoc{comment: s.comment()}
	for i, t := range g.tables("modalites") {
		mg := &getter{s: s, table: "modalites", n: i, m: t}
		d.list = append(d.list, modaliteDoc{id: mg.str("id"), name: mg.str("name"), detail: mg.str("detail")})
		d.list[i].extras = mg.extras()
	}
	d.extras = g.extras()
	return d
}

// blocPath is where bloc n lives in content.
func blocPath(n int) string { return fmt.Sprintf("blocs/b%d.toml", n) }
