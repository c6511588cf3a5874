package search

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"cursus/generator/content"
)

// Points of a match between a query term and a word of the index.
const (
	exactMatch  = 5
	stemMatch   = 4
	familyMatch = 3 // same word family: sécurisation for sécurité
	prefixMatch = 3
	typoMatch   = 2

	titleWeight = 3 // a term in a title counts three times one in a body
	typoMinLen  = 5 // shorter words get no typo tolerance: too many neighbours
)

// term is one word of a query.
type term struct {
	word, stem string
	family     string // Family of the stem
	number     bool   // only digits: matched exactly, "7" must not find "27001"
	typos      bool   // long enough, and without digits, to forgive a typo
}

// parseQuery splits a query into terms. Stop words and lone letters are
// dropped, except the last word while it is being typed (no separator after
// it), which may be the start of a longer word: "d" of "données".
func parseQuery(q string) []term {
	n := content.Fold(q)
	words := Words(q)
	r, _ := utf8.DecodeLastRuneInString(n)
	typing := unicode.IsLetter(r) || unicode.IsNumber(r)
	var terms []term
	letters := 0
	for i, w := range words {
		if !indexed(w) && !(typing && i == len(words)-1) {
			continue
		}
		letters += utf8.RuneCountInString(w)
		stem := Stem(w)
		terms = append(terms, term{
			word:   w,
			stem:   stem,
			family: Family(stem),
			number: isNumber(w),
			typos:  utf8.RuneCountInString(w) >= typoMinLen && !hasDigit(w),
		})
	}
	if letters < 2 {
		return nil // one letter matches half the site
	}
	return terms
}

// match returns the points of word w, of stem s and family root f, for
// term t; 0 if no match.
func (t term) match(w, s, f string) int {
	switch {
	case w == t.word:
		return exactMatch
	case s == t.stem:
		return stemMatch
	case f == t.family:
		return familyMatch
	case !t.number && strings.HasPrefix(w, t.word):
		return prefixMatch
	case t.typos && oneEdit(t.word, w):
		return typoMatch
	}
	return 0
}

// oneEdit reports whether a and b differ by at most one insertion, deletion,
// substitution or swap of adjacent letters.
func oneEdit(a, b string) bool {
	x, y := []rune(a), []rune(b)
	if len(x) < len(y) {
		x, y = y, x
	}
	if len(x)-len(y) > 1 {
		return false
	}
	i := 0
	for i < len(y) && x[i] == y[i] {
		i++
	}
	if len(x) != len(y) {
		return string(x[i+1:]) == string(y[i:])
	}
	if i == len(x) || string(x[i+1:]) == string(y[i+1:]) {
		return true
	}
	return i+1 < len(x) && x[i] == y[i+1] && x[i+1] == y[i] && string(x[i+2:]) == string(y[i+2:])
}

// Hit is one result of a query.
type Hit struct {
	Doc   *Doc
	Score int
	Title bool // every term matched in the title
	order int  // position of the document in the index
}

// Search returns the documents matching every term of q, best first,
// grouped by kind: see the package documentation for the ranking.
func (ix *Index) Search(q string) []Hit {
	terms := parseQuery(q)
	if len(terms) == 0 {
		return nil
	}
	stems, families := make([]string, len(ix.Words)), make([]string, len(ix.Words))
	for j, w := range ix.Words {
		stems[j] = w[:len(w)-ix.Cuts[j]]
		families[j] = Family(stems[j])
	}
	points := make([][]int, len(terms)) // points[term][word]
	for i, t := range terms {
		points[i] = make([]int, len(ix.Words))
		for j, w := range ix.Words {
			points[i][j] = t.match(w, stems[j], families[j])
		}
	}
	var hits []Hit
	var titled [Page + 1]bool // kinds with a hit matched in its title
	for d := range ix.Docs {
		h, ok := score(&ix.Docs[d], points)
		if !ok {
			continue
		}
		h.order = d
		hits = append(hits, h)
		titled[h.Doc.Kind] = titled[h.Doc.Kind] || h.Title
	}
	group := func(h Hit) int {
		if titled[h.Doc.Kind] {
			return int(h.Doc.Kind)
		}
		return int(Page) + 1 + int(h.Doc.Kind)
	}
	sort.Slice(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if ga, gb := group(a), group(b); ga != gb {
			return ga < gb
		}
		if a.Title != b.Title {
			return a.Title
		}
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return a.order < b.order
	})
	return hits
}

// score adds up the best match of each term in d, a title match weighing
// titleWeight times a body match; ok is false when a term is missing.
func score(d *Doc, points [][]int) (h Hit, ok bool) {
	h = Hit{Doc: d, Title: true}
	for _, p := range points {
		t, b := best(p, d.TitleW), best(p, d.BodyW)
		if t == 0 && b == 0 {
			return h, false
		}
		if t == 0 {
			h.Title = false
		}
		h.Score += max(titleWeight*t, b)
	}
	return h, true
}

func best(points, words []int) int {
	m := 0
	for _, w := range words {
		m = max(m, points[w])
	}
	return m
}
