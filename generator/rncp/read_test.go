package rncp

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"cursus/generator/diag"
	"cursus/generator/msg"
)

func readVariants(t *testing.T, numeros ...string) map[string]*Fiche {
	t.Helper()
	f, err := os.Open("testdata/variants.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := Read(msg.FR, "variants.xml", f, numeros)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestReadFields(t *testing.T) {
	got := readVariants(t, "RNCP10001", "RNCP10003", "RNCP404")
	if len(got) != 2 || got["RNCP404"] != nil {
		t.Fatalf("found %d fiches, want RNCP10001 and RNCP10003", len(got))
	}
	f := got["RNCP10001"]
	checks := []struct {
		name      string
		got, want any
	}{
		{"pos", f.Pos, diag.Pos{File: "variants.xml", Line: 3, Col: 1}},
		{"intitule", f.Intitule, "Technicien des listes"},
		{"abrege", f.Abrege, Abrege{"TP", "Titre Professionnel"}},
		{"active", f.Active(), true},
		{"level", f.Level(), 4},
		{"anciennes", f.Anciennes, []string{"RNCP9001", "RNCP9002"}},
		{"nsf", f.NSF, []Code{{Code: "326", Intitule: "Informatique"}}},
		{"rome", len(f.ROME), 2},
		{"certificateurs", f.Certificateurs[1], Certificateur{"ECOLE X", "12345678900011"}},
		{"effet", f.Effet(), Date{2022, 3, 15}},
		{"fin", f.Fin().String(), "2027-03-15"},
		{"url", f.URL(), "https://www.francecompetences.fr/recherche/rncp/10001/"},
		{"blocs", len(f.Blocs), 2},
		{"bloc pos", f.Blocs[1].Pos, diag.Pos{File: "variants.xml", Line: 26, Col: 1}},
		{"field pos", f.Fields["DATE_EFFET"], diag.Pos{File: "variants.xml", Line: 18, Col: 1}},
		{"escaped html", f.Blocs[1].Competences, "<p>- Installer un poste</p><p>- Configurer l&#39;accès au réseau</p>"},
		{"inactive", got["RNCP10003"].Active(), false},
		{"nouvelles", got["RNCP10003"].Nouvelles, []string{"RNCP10001"}},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.name, c.got, c.want)
		}
	}
}

// A wanted fiche after skipped ones is read whole, and the reading stops
// once it is found: the rest of the export is not even looked at.
func TestReadStopsOnceFound(t *testing.T) {
	src := `<FICHES><FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE><X><Y/></X></FICHE>` +
		`<FICHE><ID_FICHE>2</ID_FICHE><NUMERO_FICHE> RNCP2 </NUMERO_FICHE><INTITULE>Deux</INTITULE></FICHE>` +
		`<FICHE><this is not xml`
	got, err := Read(msg.FR, "e.xml", strings.NewReader(src), []string{"RNCP2"})
	if err != nil {
		t.Fatal(err)
	}
	if f := got["RNCP2"]; f == nil || f.Intitule != "Deux" || f.ID != "2" {
		t.Fatalf("got %+v", got["RNCP2"])
	}
}

func TestIsExport(t *testing.T) {
	for src, want := range map[string]bool{
		"<?xml version=\"1.0\"?>\n<!-- export -->\n<FICHES>": true,
		"\ufeff<FICHES><FICHE>":                              false, // a BOM is not XML white space
		"<FICHES":                                            false,
		"Bloc 1 : Concevoir\t\t\t":                           false,
		"<html><body>":                                       false,
	} {
		if got := IsExport([]byte(src)); got != want {
			t.Errorf("IsExport(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"root", "<?xml version=\"1.0\"?>\n<html></html>",
			"e.xml:2:1: pas un export RNCP : l'élément racine est <html>, attendu <FICHES>"},
		{"empty", "",
			"e.xml:1:1: pas un export RNCP : le fichier n'a pas d'élément <FICHES>"},
		{"unclosed fiche", "<FICHES>\n<FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE>\n<INTITULE>x</INTITULE>",
			"e.xml:3:23: export RNCP incomplet : le fichier s'arrête au milieu d'un élément"},
		{"mismatch in wanted", "<FICHES>\n<FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE>\n  <INTITULE>x</TITRE>\n</FICHE></FICHES>",
			"e.xml:3:22: export RNCP illisible : <INTITULE> fermé par </TITRE>"},
		{"mismatch in skipped", "<FICHES>\n<FICHE><NUMERO_FICHE>RNCP9</NUMERO_FICHE>\n<A></B>\n</FICHE><FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE></FICHE></FICHES>",
			"e.xml:3:8: export RNCP illisible : <A> fermé par </B>"},
		{"bad entity", "<FICHES>\n<FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE><INTITULE>a &eacute; b</INTITULE></FICHE></FICHES>",
			"e.xml:2:62: export RNCP illisible : invalid character entity &eacute;"},
		{"missing end", "<FICHES>\n<FICHE><NUMERO_FICHE>RNCP9</NUMERO_FICHE></FICHE>\n",
			"e.xml:3:1: export RNCP incomplet : le fichier s'arrête au milieu d'un élément"},
		{"bad date", "<FICHES>\n<FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE>\n<DATE_EFFET>31/02/2023</DATE_EFFET></FICHE></FICHES>",
			"e.xml:3:1: fiche RNCP1 : DATE_EFFET « 31/02/2023 » n'est pas une date jj/mm/aaaa"},
		{"bad bloc code", "<FICHES>\n<FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE><BLOCS_COMPETENCES>\n <BLOC_COMPETENCES><CODE>RNCP2BC01</CODE></BLOC_COMPETENCES></BLOCS_COMPETENCES></FICHE></FICHES>",
			"e.xml:3:2: fiche RNCP1 : le bloc 1 a le code « RNCP2BC01 », attendu RNCP1BC suivi de son numéro"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(msg.FR, "e.xml", strings.NewReader(c.src), []string{"RNCP1"})
			if err == nil {
				t.Fatalf("no error, want %s", c.want)
			}
			if got := err.Error(); got != c.want {
				t.Errorf("error\n got %s\nwant %s", got, c.want)
			}
		})
	}
}

// TestReadErrorsInEnglish: a site whose languageCode is English reads the
// export's errors in English, at the same positions.
func TestReadErrorsInEnglish(t *testing.T) {
	for src, want := range map[string]string{
		"<html>\n</html>": "e.xml:1:1: not an RNCP export: the root element is <html>, expected <FICHES>",
		"<FICHES>\n<FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE>\n  <INTITULE>x</TITRE>\n</FICHE></FICHES>":             "e.xml:3:22: unreadable RNCP export: <INTITULE> closed by </TITRE>",
		"<FICHES>\n<FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE>\n<DATE_EFFET>31/02/2023</DATE_EFFET></FICHE></FICHES>": "e.xml:3:1: fiche RNCP1: DATE_EFFET “31/02/2023” is not a dd/mm/yyyy date",
	} {
		_, err := Read(msg.EN, "e.xml", strings.NewReader(src), []string{"RNCP1"})
		if err == nil || err.Error() != want {
			t.Errorf("error\n got %v\nwant %s", err, want)
		}
	}
}
