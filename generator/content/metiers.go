package content

import (
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"cursus/generator/diag"
	"cursus/generator/msg"
)

// metierFront is the front matter of a métier page, metiers/<id>.md.
type metierFront struct {
	Title  string   `toml:"title"`
	ROME   []string `toml:"rome"`
	Onisep string   `toml:"onisep"`
}

// romeCode matches a code ROME: a letter and four digits.
var romeCode = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-N][0-9]{4}$`) })

// readMetierPages reads the pages of the shared métiers. A page's title wins
// over the title blocs declared; a page no bloc leads to is a warning.
func (l *loader) readMetierPages(files []string) {
	for _, file := range files {
		src, ok := l.read(file)
		if !ok {
			continue
		}
		front, body, bodyLine, err := splitFrontMatter(src)
		if err != nil {
			l.frontErr(diag.Pos{File: file, Line: 1, Col: 1}, err)
			continue
		}
		var fm metierFront
		ki, ok := decodeTOML(l.lang, file, front, 2, &fm, &l.errs)
		if !ok {
			continue
		}
		for i, code := range fm.ROME {
			if !romeCode().MatchString(code) {
				l.fail(posOf(file, ki, "rome["+strconv.Itoa(i)+"]"), msg.RomeCode, code)
			}
		}
		if fm.Onisep != "" && !strings.HasPrefix(fm.Onisep, "https://") {
			l.fail(posOf(file, ki, "onisep"), msg.NeedURL, "onisep")
		}
		id := strings.TrimSuffix(path.Base(file), ".md")
		pos := diag.Pos{File: file, Line: 1, Col: 1}
		m := l.site.Metier(id)
		if m == nil {
			if strings.TrimSpace(fm.Title) == "" {
				l.fail(pos, msg.FrontNoTitle)
				continue
			}
			l.warn(pos, msg.MetierNoBloc, id)
			m = &Metier{ID: id, Slug: Slugify(id), Pos: pos}
			l.site.metiers[id] = m
			l.site.Metiers = append(l.site.Metiers, m)
		}
		if fm.Title != "" {
			m.Title = fm.Title
		}
		m.ROME, m.Onisep = fm.ROME, fm.Onisep
		m.Prose = &Page{Path: file, Title: m.Title, Body: body, BodyLine: bodyLine, Pos: pos}
	}
}
