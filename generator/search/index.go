package search

import (
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"

	"cursus/generator/content"
	"cursus/internal/par"
)

// Kind is what a document of the index is. Its value is the order of the
// groups of results.
type Kind int

// The kinds of documents, in the order their groups are shown.
const (
	Metier Kind = iota
	Bloc
	Competence
	Criterion
	Page
)

func (k Kind) String() string {
	switch k {
	case Metier:
		return "métier"
	case Bloc:
		return "bloc"
	case Competence:
		return "compétence"
	case Criterion:
		return "critère"
	case Page:
		return "page"
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Index is the search index as published: short JSON keys, because every
// byte is downloaded on a phone.
type Index struct {
	// Certs names the certifications of a site with several, shown beside
	// results; a document's Cert is a position in it, from 1.
	Certs []string   `json:"certs,omitempty"`
	Blocs []BlocInfo `json:"blocs"` // shown beside results
	Words []string   `json:"words"` // sorted, normalised, each once
	Cuts  []int      `json:"cut"`   // letters Stem removes from each word
	Docs  []Doc      `json:"docs"`  // in site order
}

// BlocInfo names a bloc in results: "Bloc 7 · Cybersécurité".
type BlocInfo struct {
	Number int    `json:"n"`
	Label  string `json:"l"`
	Cert   int    `json:"e,omitempty"` // its certification, from 1, on a site with several
}

// Doc is one searchable thing: a métier, bloc, compétence, critère or page.
type Doc struct {
	Kind    Kind   `json:"k"`
	URL     string `json:"u"`           // with the base path
	Code    string `json:"c,omitempty"` // B7.C2, Bloc 7
	Title   string `json:"t"`
	Text    string `json:"x,omitempty"` // body, matched and shown as a snippet
	Context string `json:"p,omitempty"` // shown, not matched: a critère's compétence
	Blocs   []int  `json:"b,omitempty"` // bloc numbers, in the document's certification
	Cert    int    `json:"e,omitempty"` // its certification, from 1, on a site with several
	TitleW  []int  `json:"tw"`          // words of the code and title, by number in Words
	BodyW   []int  `json:"xw,omitempty"`
}

// Options give Build what belongs to the generator: URLs and typography.
// Build calls them from several goroutines at once.
type Options struct {
	// URL returns the URL of a *content.Bloc, Competence, Metier or Page,
	// base path included.
	URL func(v any) string
	// French applies the site's typography to plain text; nil keeps it.
	French func(string) string
	// PageText returns the plain text of a page's body; nil leaves page
	// bodies out of the index.
	PageText func(*content.Page) (string, error)
}

// builder collects documents and their words before numbering the words.
type builder struct {
	opts  Options
	certs map[*content.Certification]int // position from 1, on a site with several
	docs  []Doc
	// The text matched in each document, then its words.
	titleText, bodyText []string
	title, body         [][]string
}

// Build makes the index of a site from its model.
func Build(site *content.Site, opts Options) (*Index, error) {
	if opts.French == nil {
		opts.French = func(s string) string { return s }
	}
	b := &builder{opts: opts, certs: map[*content.Certification]int{}}
	ix := &Index{}
	if site.Several {
		for i, c := range site.Certifications {
			b.certs[c] = i + 1
			name := c.Title
			if c.Abrege.Code != "" && !strings.HasPrefix(c.Title, c.Abrege.Code) {
				name = c.Abrege.Code + " " + c.Title
			}
			ix.Certs = append(ix.Certs, opts.French(name))
		}
	}
	for _, bl := range site.Blocs {
		ix.Blocs = append(ix.Blocs, BlocInfo{bl.Number, opts.French(bl.Name()), b.certs[bl.Cert]})
	}
	// Documents come in site order: métiers, blocs, compétences, each
	// compétence's critères, pages. Each has its place known in advance,
	// so they are made on every core.
	var pages []*content.Page
	for _, p := range site.Pages {
		if !p.Draft {
			pages = append(pages, p)
		}
	}
	n := len(site.Metiers) + len(site.Blocs) + len(site.Competences)
	criteria := make([]int, len(site.Competences)) // where each compétence's critères start
	for i, c := range site.Competences {
		criteria[i] = n
		n += len(c.Criteria)
	}
	b.docs = make([]Doc, n+len(pages))
	b.titleText = make([]string, len(b.docs))
	b.bodyText = make([]string, len(b.docs))
	at := len(site.Metiers)
	par.ForEach(len(site.Metiers), func(i int) { b.metier(i, site.Metiers[i]) })
	par.ForEach(len(site.Blocs), func(i int) { b.bloc(at+i, site.Blocs[i]) })
	at += len(site.Blocs)
	par.ForEach(len(site.Competences), func(i int) {
		b.competence(at+i, site.Competences[i])
		b.criteria(criteria[i], site.Competences[i])
	})
	for i, p := range pages {
		if err := b.page(n+i, p); err != nil {
			return nil, err
		}
	}
	b.title = make([][]string, len(b.docs))
	b.body = make([][]string, len(b.docs))
	par.ForEach(len(b.docs), func(i int) {
		b.title[i] = Words(b.titleText[i])
		b.body[i] = Words(b.bodyText[i])
	})
	b.number(ix)
	return ix, nil
}

// set places document i, with the text its title and body words come from.
func (b *builder) set(i int, d Doc, title, body string) {
	b.docs[i] = d
	b.titleText[i] = title
	b.bodyText[i] = body
}

func (b *builder) metier(i int, m *content.Metier) {
	var titles, labels []string
	for _, bl := range m.Blocs {
		titles = append(titles, bl.Title)
		labels = append(labels, bl.Name())
	}
	text := strings.Join(titles, " · ")
	d := Doc{Kind: Metier, URL: b.opts.URL(m), Title: b.opts.French(m.Title), Text: b.opts.French(text), Blocs: numbers(m.Blocs)}
	if len(b.certs) > 0 {
		// Bloc numbers repeat from one certification to the next: a
		// métier shared by several names them instead.
		var names []string
		for _, bl := range m.Blocs {
			if n := len(names); n == 0 || names[n-1] != bl.Cert.Title {
				names = append(names, bl.Cert.Title)
			}
		}
		d.Blocs, d.Context = nil, b.opts.French(strings.Join(names, ", "))
	}
	// The bloc labels are matched too, so that "cybersécurité" finds every
	// métier of the Cybersécurité bloc, not only those named so.
	b.set(i, d, m.Title, text+" "+strings.Join(labels, " "))
}

func (b *builder) bloc(i int, bl *content.Bloc) {
	code := "Bloc " + strconv.Itoa(bl.Number)
	var metiers []string
	for _, m := range bl.Metiers {
		metiers = append(metiers, m.Title)
	}
	parts := []string{bl.Title}
	for _, a := range bl.Activities {
		if a = strings.TrimRight(a, ". "); a != bl.Title {
			parts = append(parts, a)
		}
	}
	parts = append(parts, "Métiers : "+strings.Join(metiers, ", "))
	text := strings.Join(parts, ". ") + "."
	b.set(i, Doc{Kind: Bloc, URL: b.opts.URL(bl), Code: code, Title: b.opts.French(bl.Name()), Text: b.opts.French(text), Blocs: []int{bl.Number}, Cert: b.certs[bl.Cert]},
		code+" "+bl.ID+" "+bl.Name()+" "+bl.Title, text)
}

func (b *builder) competence(i int, c *content.Competence) {
	b.set(i, Doc{Kind: Competence, URL: b.opts.URL(c), Code: c.ID, Title: b.opts.French(c.Label), Text: b.opts.French(c.Text), Blocs: []int{c.Bloc.Number}, Cert: b.certs[c.Bloc.Cert]},
		c.ID+" "+c.Label, c.Text)
}

// criteria places each critère of c from i on. A critère's sentence is its
// title; the code of its compétence is matched as its body, so that "B7.C2"
// lists the critères of B7.C2 after the compétence itself.
func (b *builder) criteria(i int, c *content.Competence) {
	url := b.opts.URL(c) + "#criteres"
	label := b.opts.French(c.Label)
	for j, cr := range c.Criteria {
		b.set(i+j, Doc{Kind: Criterion, URL: url, Code: c.ID, Title: b.opts.French(cr.Text), Context: label, Blocs: []int{c.Bloc.Number}, Cert: b.certs[c.Bloc.Cert]},
			cr.Text, c.ID)
	}
}

func (b *builder) page(i int, p *content.Page) error {
	text := p.Description
	if b.opts.PageText != nil {
		body, err := b.opts.PageText(p)
		if err != nil {
			return err
		}
		text = strings.TrimSpace(text + " " + body)
	}
	b.set(i, Doc{Kind: Page, URL: b.opts.URL(p), Title: b.opts.French(p.Title), Text: b.opts.French(text)}, p.Title, text)
	return nil
}

func numbers(blocs []*content.Bloc) []int {
	var n []int
	for _, bl := range blocs {
		n = append(n, bl.Number)
	}
	return n
}

// number sorts the distinct words and gives each document the numbers of
// its words, each once.
func (b *builder) number(ix *Index) {
	// Each core collects the words of a share of the documents; the shares
	// are merged after. Words repeat far more than they differ.
	shares := make([]map[string]bool, runtime.GOMAXPROCS(0))
	par.ForEach(len(shares), func(k int) {
		seen := map[string]bool{}
		for i := k * len(b.docs) / len(shares); i < (k+1)*len(b.docs)/len(shares); i++ {
			for _, ws := range [][]string{b.title[i], b.body[i]} {
				for _, w := range ws {
					if indexed(w) {
						seen[w] = true
					}
				}
			}
		}
		shares[k] = seen
	})
	seen := shares[0]
	for _, share := range shares[1:] {
		for w := range share {
			seen[w] = true
		}
	}
	for w := range seen {
		ix.Words = append(ix.Words, w)
	}
	sort.Strings(ix.Words)
	num := make(map[string]int, len(ix.Words))
	for i, w := range ix.Words {
		num[w] = i
		// The stem is a prefix and suffixes are ASCII, so a count of
		// letters reads the same in Go bytes and JavaScript code units.
		ix.Cuts = append(ix.Cuts, len(w)-len(Stem(w)))
	}
	par.ForEach(len(b.docs), func(i int) {
		b.docs[i].TitleW = wordNumbers(b.title[i], num)
		b.docs[i].BodyW = wordNumbers(b.body[i], num)
	})
	ix.Docs = b.docs
}

func wordNumbers(words []string, num map[string]int) []int {
	out := make([]int, 0, len(words))
	for _, w := range words {
		if n, ok := num[w]; ok {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
