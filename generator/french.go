package generator

import (
	"cursus/generator/markdown"
)

// frenchCache holds the French typography of every text of the model,
// computed once per build before pages render: métier pages repeat the
// criteria of whole blocs, and the templates ask for the same titles on
// every page. Read-only once built, so pages read it concurrently.
type frenchCache map[string]string

func newFrenchCache(b *builder) frenchCache {
	fc := frenchCache{}
	if b.cfg.Markup.KeepStraightQuotes {
		return nil
	}
	add := func(s string) {
		if _, ok := fc[s]; !ok {
			fc[s] = markdown.French(s)
		}
	}
	c := b.p.Content
	add(b.cfg.Title)
	add(b.cfg.Description)
	add(c.Certification.Title)
	add(c.Certification.Summary)
	for _, bl := range c.Blocs {
		add(bl.Title)
		add(bl.Label)
		for _, a := range bl.Activities {
			add(a)
		}
	}
	for _, co := range c.Competences {
		add(co.Label)
		add(co.Text)
		for _, cr := range co.Criteria {
			add(cr.Text)
		}
	}
	for _, m := range c.Metiers {
		add(m.Title)
	}
	for _, m := range c.Modalites {
		add(m.Name)
		add(m.Detail)
	}
	for _, p := range c.Pages {
		add(p.Title)
		add(p.Description)
	}
	return fc
}

// french returns s with French typography, from the cache when it can.
func (b *builder) french(s string) string {
	if b.cfg.Markup.KeepStraightQuotes {
		return s
	}
	if f, ok := b.fr[s]; ok {
		return f
	}
	return markdown.French(s)
}
