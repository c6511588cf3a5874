package opendata

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

	"cursus/generator/content"
)

// bom starts the CSV files: spreadsheets then read them as UTF-8.
const bom = "\uFEFF"

// csvHeader are the columns of referentiel.csv, one row per critère, or
// per compétence when it has none, so that a spreadsheet filters by bloc,
// compétence, modalité or métier.
var csvHeader = []string{
	"certification", "rncp", "bloc_id", "bloc_code", "bloc_numero", "bloc_titre", "bloc_optionnel",
	"competence_id", "competence_numero", "competence_libelle", "competence_texte",
	"critere_numero", "critere", "modalites", "metiers", "codes_rome",
}

// listSep joins several values in one cell.
const listSep = " ; "

// CSV makes referentiel.csv: RFC 4180, CRLF line ends, UTF-8 with a BOM.
func CSV(c *content.Certification) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(bom)
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	if err := w.Write(csvHeader); err != nil {
		return nil, err
	}
	for _, co := range c.Competences {
		b := co.Bloc
		var mods, mets, rome []string
		for _, m := range co.Modalites {
			mods = append(mods, m.Name)
		}
		for _, m := range co.Metiers {
			mets = append(mets, m.Title)
			rome = append(rome, m.ROME...)
		}
		optional := "non"
		if b.Optional {
			optional = "oui"
		}
		row := []string{c.Title, c.RNCP, b.ID, b.Code, strconv.Itoa(b.Number), b.Title, optional,
			co.ID, co.Number, co.Label, co.Text, "", "",
			strings.Join(mods, listSep), strings.Join(mets, listSep), strings.Join(uniq(rome), listSep)}
		if len(co.Criteria) == 0 {
			if err := w.Write(row); err != nil {
				return nil, err
			}
			continue
		}
		for i, cr := range co.Criteria {
			row[11], row[12] = strconv.Itoa(i+1), cr.Text
			if err := w.Write(row); err != nil {
				return nil, err
			}
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

func uniq(list []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
