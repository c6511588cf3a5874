package importer

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"cursus/generator/diag"
	"cursus/generator/msg"
)

// table is what the export says, before ids are given and existing content
// is consulted.
type table struct {
	blocs     []*tBloc
	modalites []*tModalite // in order of first use
}

type tBloc struct {
	pos         diag.Pos
	number      int
	title       string
	activities  ordered
	metiers     []tMetier
	metierKeys  map[string]bool // normName of the titles, to drop repeats
	modalites   ordered         // keys of table.modalites, in order of first use
	competences []*tCompetence
}

type tMetier struct {
	pos   diag.Pos
	title string
}

type tCompetence struct {
	pos       diag.Pos
	text      string
	modalites ordered // keys of table.modalites
	criteria  []string
}

type tModalite struct {
	pos    diag.Pos
	key    string // normName of the name
	name   string
	detail string
}

// parser reads the export line by line. Its state is the bloc being filled
// and whether that bloc's header row has been seen.
type parser struct {
	lang     msg.Lang
	name     string
	t        table
	errs     diag.List
	warnings []Warning
	cur      *tBloc
	header   bool
	rows     int      // data rows of the current bloc, read or refused
	mods     []string // the modalités of the row above: merged cells
	byKey    map[string]*tModalite
	numbers  map[int]diag.Pos
	unshown  int      // warnings past maxMessages
	firstOut diag.Pos // the position of the first of them
}

// maxMessages is the number of errors, and of warnings, a person is shown:
// past it, a table that is not one would produce a message per line, more
// than anyone reads and more memory than the table itself.
const maxMessages = 100

var blocRow = lazyRegexp(`(?i)^bloc(?:\s+de\s+comp[ée]tences)?\s*(?:n[°o]\s*)?(\d{1,4})\s*[:.\-–—]\s*(.*)$`)

// parseTable reads src, the text of the export called name; its messages
// are in lang.
func parseTable(lang msg.Lang, name string, src []byte) (*table, []Warning, error) {
	p := &parser{lang: lang, name: name, byKey: map[string]*tModalite{}, numbers: map[int]diag.Pos{}}
	s := string(src)
	s = strings.TrimPrefix(s, "\uFEFF")
	if i := invalidUTF8(s); i >= 0 {
		line, col := lineCol(s, i)
		p.fail(diag.Pos{File: name, Line: line, Col: col}, msg.TableNotUTF8)
		return nil, nil, p.errs.Err()
	}
	for n := 1; s != ""; n++ {
		if p.errs.Len() >= maxMessages {
			p.fail(p.pos(n, 1), msg.TableTooManyErrors)
			p.errs.Sort()
			return nil, nil, p.errs
		}
		line, rest := nextLine(s)
		p.line(n, line)
		s = rest
	}
	p.finish()
	if p.unshown > 0 {
		p.warnings = append(p.warnings, Warning{Pos: p.firstOut, Msg: lang.F(msg.TableMoreWarnings, p.unshown)})
	}
	if len(p.t.blocs) == 0 && p.errs.Len() == 0 {
		p.fail(p.pos(1, 1), msg.TableNoBloc)
	}
	p.errs.Sort()
	if err := p.errs.Err(); err != nil {
		return nil, nil, err
	}
	return &p.t, p.warnings, nil
}

// nextLine cuts s after its first line, which ends with LF, CRLF or CR.
// Walking the lines in place keeps a table of empty lines from becoming
// a slice of millions of strings.
func nextLine(s string) (line, rest string) {
	i := strings.IndexAny(s, "\r\n")
	switch {
	case i < 0:
		return s, ""
	case strings.HasPrefix(s[i:], "\r\n"):
		return s[:i], s[i+2:]
	}
	return s[:i], s[i+1:]
}

// posCol is a position known so far only by its column; the caller fills
// in the file and line.
func posCol(col int) diag.Pos { return diag.Pos{Col: col} }

func (p *parser) pos(line, col int) diag.Pos { return diag.Pos{File: p.name, Line: line, Col: col} }

// fail records an error in the language of the messages.
func (p *parser) fail(pos diag.Pos, k msg.Key, args ...any) {
	p.errs.Add(pos, "%s", p.lang.F(k, args...))
}

// warn records a warning, past maxMessages only counted.
func (p *parser) warn(pos diag.Pos, k msg.Key, args ...any) {
	if len(p.warnings) < maxMessages {
		p.warnings = append(p.warnings, Warning{Pos: pos, Msg: p.lang.F(k, args...)})
		return
	}
	if p.unshown == 0 {
		p.firstOut = pos
	}
	p.unshown++
}

// cell is one tab-separated field, cleaned, and the byte offset where it
// starts.
type cell struct {
	text
	off int
}

// columns is the number of columns of the table. The rest of a line, which
// must be blank, is one more cell: a line of tabs costs no more than a line.
const columns = 4

// cells splits a line into its columns and the rest, and cleans each once.
func cells(line string) []cell {
	out := make([]cell, 0, columns+1)
	off := 0
	for _, f := range strings.SplitN(line, "\t", columns+1) {
		out = append(out, cell{clean(f, off), off})
		off += len(f) + 1
	}
	return out
}

func (p *parser) line(n int, line string) {
	if strings.TrimSpace(line) == "" {
		return // most blank lines: no need to split and clean them
	}
	cs := cells(line)
	if blank(cs) {
		return
	}
	first := cs[0].flat()
	if m := blocRow().FindStringSubmatch(first.s); m != nil {
		p.blocRow(n, cs, m)
		return
	}
	if isHeader(cs) {
		p.headerRow(n, cs)
		return
	}
	p.dataRow(n, cs)
}

func blank(cs []cell) bool {
	for _, c := range cs {
		if c.s != "" {
			return false
		}
	}
	return true
}

func (p *parser) blocRow(n int, cs []cell, m []string) {
	p.finish()
	pos := p.pos(n, cs[0].off+1)
	for _, c := range cs[1:] {
		if c.s != "" {
			p.fail(p.pos(n, c.col(0, c.off)), msg.TableBlocExtra)
			break
		}
	}
	num, _ := strconv.Atoi(m[1])
	if prev, dup := p.numbers[num]; dup {
		p.fail(pos, msg.TableBlocDup, num, prev.Line)
	}
	p.numbers[num] = pos
	title := strings.TrimSpace(m[2])
	if title == "" {
		p.fail(pos, msg.TableBlocNoTitle, num)
	}
	p.cur = &tBloc{pos: pos, number: num, title: title, metierKeys: map[string]bool{}}
	p.header, p.mods, p.rows = false, nil, 0
	p.t.blocs = append(p.t.blocs, p.cur)
}

// isHeader recognises the column titles, whatever their accents, case and
// number ("Compétences" or "Compétence").
func isHeader(cs []cell) bool {
	if len(cs) < 4 {
		return false
	}
	want := []string{"activit", "competence", "modalit", "crit"}
	for i, w := range want {
		if !strings.HasPrefix(normName(cs[i].flat().s), w) {
			return false
		}
	}
	return true
}

func (p *parser) headerRow(n int, cs []cell) {
	switch {
	case p.cur == nil:
		p.fail(p.pos(n, 1), msg.TableHeaderFirst)
	case len(p.cur.competences) > 0:
		p.fail(p.pos(n, 1), msg.TableHeaderMiddle, p.cur.number)
	}
	p.header = true
}

// finish checks the bloc being filled once all its rows are read.
func (p *parser) finish() {
	b := p.cur
	if b == nil {
		return
	}
	if p.rows == 0 {
		p.fail(b.pos, msg.TableBlocEmpty, b.number)
	}
	if len(b.metiers) == 0 && len(b.competences) > 0 {
		p.warn(b.pos, msg.TableNoMetiers, b.number)
	}
	p.cur = nil
}

// lineCol converts byte offset i of s to a 1-based line and column.
func lineCol(s string, i int) (line, col int) {
	line = 1 + strings.Count(s[:i], "\n")
	return line, i - strings.LastIndexByte(s[:i], '\n')
}

func invalidUTF8(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
