package search

import (
	"os"
	"slices"
	"strings"
	"testing"

	"cursus/generator/content"
	"cursus/generator/markdown"
)

// bundled builds the index of the référentiel in content/, with URLs made
// of the kind and slug: the generator's URLs are tested through the browser.
func bundled(t *testing.T) *Index {
	t.Helper()
	site, err := content.Load(os.DirFS("../../content"))
	if err != nil {
		t.Fatalf("bundled content: %v", err)
	}
	ix, err := Build(site, Options{French: markdown.French, URL: func(v any) string {
		switch x := v.(type) {
		case *content.Metier:
			return "/metiers/" + x.Slug + "/"
		case *content.Bloc:
			return "/blocs/" + x.Slug + "/"
		case *content.Competence:
			return "/competences/" + x.Slug + "/"
		case *content.Page:
			return "/" + x.Slug + "/"
		}
		return "?"
	}})
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func describe(h Hit) string {
	return h.Doc.Kind.String() + " " + strings.TrimSpace(h.Doc.Code+" "+h.Doc.Title)
}

// TestSearchBundled pins the first results of the queries a prospective
// student types.
func TestSearchBundled(t *testing.T) {
	ix := bundled(t)
	tests := []struct {
		q     string
		first string // describe() of the first result
		kind  Kind   // of the first n results…
		bloc  int    // …all in this bloc (0: any)
		n     int
	}{
		{q: "devops", first: "métier Ingénieur DevOps"},
		{q: "DevOps", first: "métier Ingénieur DevOps"},
		{q: "cybersecurite", first: "métier Consultant cybersécurité", kind: Metier, bloc: 7, n: 8},
		{q: "cybersécurité", first: "métier Consultant cybersécurité", kind: Metier, bloc: 7, n: 8},
		{q: "cyber", first: "métier Consultant cybersécurité", kind: Metier, bloc: 7, n: 2},
		{q: "iot", first: "métier Architecte IoT", kind: Metier, bloc: 5, n: 6},
		{q: "internet des objets", first: "bloc Bloc 5 Internet des objets"},
		{q: "donnees sante", first: "métier Gestionnaire de données de santé", bloc: 8, n: 4},
		{q: "données de santé", first: "métier Gestionnaire de données de santé", bloc: 8, n: 4},
		{q: "B2.C4", first: "compétence B2.C4 Concevoir et déployer une architecture Cloud ou virtualisée", bloc: 2, n: 4},
		{q: "b2.c4", first: "compétence B2.C4 Concevoir et déployer une architecture Cloud ou virtualisée"},
		{q: "b7.c2", first: "compétence B7.C2 Évaluer et actualiser la PSSI"},
		{q: "bloc 7", first: "bloc Bloc 7 Cybersécurité"},
		{q: "B7", first: "bloc Bloc 7 Cybersécurité", bloc: 7, n: 5},
		{q: "robot", first: "métier Ingénieur robotique, systèmes autonomes", bloc: 6, n: 7},
		{q: "robotique", first: "métier Ingénieur robotique, systèmes autonomes", bloc: 6, n: 3},
		{q: "data", first: "métier Architecte Big Data", kind: Metier, bloc: 4, n: 3},
		{q: "santé", kind: Metier, bloc: 8, n: 4},
		{q: "pentest", first: "métier Ingénieur audit réseau et tests d’intrusions (Pentest)"},
		{q: "developpeur", first: "métier Développeur Full-Stack"},
		// typos of one letter in words of five letters or more
		{q: "securiter", kind: Metier, n: 1},
		{q: "cybersecurit", first: "métier Consultant cybersécurité"},
		{q: "cybersécurté", first: "métier Consultant cybersécurité"},
		{q: "devosp", first: "métier Ingénieur DevOps"},
		{q: "robotiqe", first: "métier Ingénieur robotique, systèmes autonomes"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			hits := ix.Search(tt.q)
			if len(hits) == 0 {
				t.Fatal("no results")
			}
			if got := describe(hits[0]); tt.first != "" && got != tt.first {
				t.Errorf("first = %s, want %s", got, tt.first)
			}
			for i := 0; i < tt.n && i < len(hits); i++ {
				d := hits[i].Doc
				if tt.kind != 0 && d.Kind != tt.kind || tt.bloc != 0 && !slices.Contains(d.Blocs, tt.bloc) {
					t.Errorf("result %d = %s (blocs %v), want a %s of bloc %d", i+1, describe(hits[i]), d.Blocs, tt.kind, tt.bloc)
				}
			}
		})
	}
}

func TestSearchFindsTheSameWithAndWithoutPlural(t *testing.T) {
	ix := bundled(t)
	for _, pair := range [][2]string{{"donnée", "données"}, {"réseau", "réseaux"}, {"robot", "robots"}, {"système", "systèmes"}} {
		a, b := docs(ix.Search(pair[0])), docs(ix.Search(pair[1]))
		if len(a) == 0 || !slices.Equal(a, b) {
			t.Errorf("%q finds %d documents, %q %d: want the same, and some", pair[0], len(a), pair[1], len(b))
		}
	}
}

func docs(hits []Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, describe(h))
	}
	slices.Sort(out)
	return out
}

func TestSearchFindsNothing(t *testing.T) {
	ix := bundled(t)
	for _, q := range []string{
		"",
		"d",           // one letter
		"de la",       // stop words
		"dota",        // four letters: no typo tolerance, "data" is not found
		"27",          // numbers match whole: not ISO 27001
		"robot santé", // every word is required
		"securiterrr", // two letters away
		"xyzzy plugh", // nothing
		"b9.c1",       // no such compétence
	} {
		if hits := ix.Search(q); len(hits) > 0 {
			t.Errorf("Search(%q) = %d results, first %s; want none", q, len(hits), describe(hits[0]))
		}
	}
}

// TestSearchRanking checks the rules of the ranking on the bundled site:
// groups in kind order, title matches first, then by score.
func TestSearchRanking(t *testing.T) {
	ix := bundled(t)
	for _, q := range []string{"securite", "donnees", "cloud", "reseau", "projet", "b1", "iso"} {
		hits := ix.Search(q)
		seen := map[Kind]bool{}
		for i, h := range hits {
			if i > 0 && hits[i-1].Doc.Kind != h.Doc.Kind && seen[h.Doc.Kind] {
				t.Errorf("%q: the %ss are not grouped", q, h.Doc.Kind)
			}
			seen[h.Doc.Kind] = true
			if i == 0 || hits[i-1].Doc.Kind != h.Doc.Kind {
				continue
			}
			prev := hits[i-1]
			if !prev.Title && h.Title || prev.Title == h.Title && prev.Score < h.Score {
				t.Errorf("%q: %s (title %v, %d) before %s (title %v, %d)", q, describe(prev), prev.Title, prev.Score, describe(h), h.Title, h.Score)
			}
		}
	}
	// A métier named by the query comes before the bloc named by it.
	if hits := ix.Search("cybersécurité"); hits[0].Doc.Kind != Metier {
		t.Errorf("cybersécurité: first is a %s", hits[0].Doc.Kind)
	}
}
