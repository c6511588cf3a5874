package importer

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"cursus/generator/msg"
	"cursus/generator/rncp"
)

// TestAgainst edits one thing at a time in a freshly imported site and
// pins the line the check prints.
func TestAgainst(t *testing.T) {
	fiches := readFiches(t, "RNCP10001", "RNCP10002")
	first, err := ImportFiches(msg.FR, fiches, nil)
	if err != nil {
		t.Fatal(err)
	}
	today := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	const b1 = "certifications/bachelor-numerote/blocs/b1.toml"
	const c1 = "certifications/technicien-des-listes/certification.toml"
	for _, c := range []struct {
		name, file, old, new string
		want                 []string
	}{
		{"as imported", "", "", "", nil},
		{"wording", b1, `text = "Évaluer les risques"`, `text = "Évaluer les risques du projet"`,
			[]string{b1 + ":29:1: la compétence B1.C3 est formulée autrement que dans la fiche : « Évaluer les risques »"}},
		{"typography is not a divergence", b1, `text = "Concevoir l'architecture de la solution"`, "text = \"Concevoir l’architecture de la\u00a0solution\"", nil},
		{"compétence added", b1, "\n[[competences]]\nid = \"B1.C3\"", "\n[[competences]]\nid = \"B1.C9\"\ntext = \"En plus\"\n\n[[competences]]\nid = \"B1.C3\"",
			[]string{b1 + ":27:1: la compétence B1.C9 n'est pas dans le bloc RNCP10002BC01 de la fiche"}},
		{"compétence missing", b1, `number = "C.2.3"`, `number = "C.2.4"`,
			[]string{b1 + ":5:1: la compétence C.2.3 « Évaluer les risques » de la fiche manque dans ce bloc",
				b1 + ":27:1: la compétence B1.C3 n'est pas dans le bloc RNCP10002BC01 de la fiche"}},
		{"bloc code", b1, `code = "RNCP10002BC01"`, `code = "RNCP10002BC07"`,
			[]string{b1 + ":5:1: le bloc RNCP10002BC07 n'est pas dans la fiche RNCP10002",
				"certifications/bachelor-numerote/certification.toml:4:1: le bloc RNCP10002BC01 « Piloter » de la fiche manque"}},
		{"level and date", c1, "level = 4\n", "level = 5\n",
			[]string{c1 + ":6:1: le niveau diffère de la fiche : « 5 » ici, « 4 » dans la fiche"}},
		{"date", c1, "date_fin = 2027-03-15", "date_fin = 2028-03-15",
			[]string{c1 + ":10:1: date_fin diffère de la fiche : « 2028-03-15 » ici, « 2027-03-15 » dans la fiche"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			content := fstest.MapFS{}
			for p, data := range first.Files {
				content[p] = &fstest.MapFile{Data: data}
			}
			if c.file != "" {
				s := string(content[c.file].Data)
				if !strings.Contains(s, c.old) {
					t.Fatalf("%s has no %q", c.file, c.old)
				}
				content[c.file].Data = []byte(strings.Replace(s, c.old, c.new, 1))
			}
			certs, err := Certifications(msg.FR, content)
			if err != nil || len(certs) != 2 {
				t.Fatalf("certifications %v, %v", certs, err)
			}
			byNum := map[string]*rncp.Fiche{}
			for _, f := range fiches {
				byNum[f.Numero] = f
			}
			errs, warnings := Against(msg.FR, content, certs, byNum, today)
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			if len(warnings) != 0 {
				t.Errorf("warnings %v before the end date", warnings)
			}
		})
	}
}

func TestAgainstWarnings(t *testing.T) {
	fiches := readFiches(t, "RNCP10001")
	first, err := ImportFiches(msg.FR, fiches, nil)
	if err != nil {
		t.Fatal(err)
	}
	content := fstest.MapFS{}
	for p, data := range first.Files {
		content[p] = &fstest.MapFile{Data: data}
	}
	certs, _ := Certifications(msg.FR, content)
	f := *fiches[0]
	f.Actif = "INACTIVE"
	errs, warnings := Against(msg.FR, content, certs, map[string]*rncp.Fiche{"RNCP10001": &f}, time.Date(2027, 3, 16, 0, 0, 0, 0, time.UTC))
	var got []string
	for _, w := range warnings {
		got = append(got, w.String())
	}
	want := "certification.toml:4:1: la fiche RNCP10001 n'est plus active (ACTIF : INACTIVE)\n" +
		"certification.toml:4:1: la fiche RNCP10001 a pris fin le 2027-03-15"
	if errs.Len() != 0 || strings.Join(got, "\n") != want {
		t.Errorf("errors %v, warnings\n%s\nwant\n%s", errs, strings.Join(got, "\n"), want)
	}
	// An English site reads them in English.
	_, warnings = Against(msg.EN, content, certs, map[string]*rncp.Fiche{"RNCP10001": &f}, time.Date(2027, 3, 16, 0, 0, 0, 0, time.UTC))
	if len(warnings) != 2 || warnings[0].String() != "certification.toml:4:1: the fiche RNCP10001 is no longer active (ACTIF: INACTIVE)" {
		t.Errorf("English warnings %v", warnings)
	}
}
