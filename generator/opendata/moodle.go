package opendata

import (
	"bytes"
	"encoding/csv"
	"strconv"

	"cursus/generator/content"
)

// Moodle's competency framework import (admin tool tool_lpimportcsv) reads
// the CSV its exporter writes: the fourteen columns of
// framework_importer::list_required_headers, in that order; one row for the
// framework (isframework set, its scale and taxonomies), then one row per
// competency naming its parent by idnumber. The tree here is certification
// → blocs → compétences → critères. idnumbers are made from the ids of the
// content, so a framework imported again is recognised.

// moodleHeader are the English labels of the exporter's columns, which the
// importer maps by position.
var moodleHeader = []string{
	"Parent ID number", "ID number", "Short name", "Description", "Description format",
	"Scale values", "Scale configuration", "Rule type (optional)", "Rule outcome (optional)",
	"Rule config (optional)", "Cross-referenced competency ID numbers", "Exported ID (optional)",
	"Is framework", "Taxonomy",
}

const (
	// moodlePlain is FORMAT_PLAIN: the descriptions are plain text.
	moodlePlain = "2"
	// moodleScale is a two-value scale, "Acquis" proficient; the importer
	// finds or creates a global scale with these values and puts its id in
	// the configuration.
	moodleScale       = "Non acquis,Acquis"
	moodleScaleConfig = `[{"scaleid":"0"},{"id":1,"scaledefault":1,"proficient":0},{"id":2,"scaledefault":0,"proficient":1}]`
	// moodleTaxonomies names the levels: blocs are domains, compétences
	// competencies, critères indicators.
	moodleTaxonomies = "domain,competency,indicator"
	// moodleMax is the length the importer cuts idnumbers and short names at.
	moodleMax = 100
)

// Moodle makes the competency framework CSV of a certification.
func Moodle(c *content.Certification) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	write := func(parent, id, short, desc string) {
		// The exporter writes ruleoutcome 0 and ruleconfig "null" for
		// competencies without a rule, and false (empty) for isframework.
		w.Write([]string{parent, cut(id), cut(short), desc, moodlePlain, "", "", "", "0", "null", "", "", "", ""})
	}
	w.Write(moodleHeader)
	fw := frameworkID(c)
	w.Write([]string{"", cut(fw), cut(c.Title), c.Summary, moodlePlain, moodleScale, moodleScaleConfig, "", "", "", "", "", "1", moodleTaxonomies})
	for _, b := range c.Blocs {
		bid := fw + "-" + b.ID
		write("", bid, "Bloc "+strconv.Itoa(b.Number)+" : "+b.Title, b.Code)
		for _, co := range b.Competences {
			cid := fw + "-" + co.ID
			short := co.ID + " " + co.Label
			if co.Number != "" {
				short = co.Number + " " + co.Label
			}
			write(bid, cid, short, co.Text)
			for i, cr := range co.Criteria {
				n := strconv.Itoa(i + 1)
				write(cid, cid+"-CR"+n, "Critère "+n+" : "+cr.Text, cr.Text)
			}
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// frameworkID is the idnumber of the certification's framework: its RNCP
// code, else its slug, else "referentiel".
func frameworkID(c *content.Certification) string {
	switch {
	case c.RNCP != "":
		return c.RNCP
	case c.Slug != "":
		return c.Slug
	}
	return "referentiel"
}

// cut shortens s to moodleMax runes, as the importer would.
func cut(s string) string {
	r := []rune(s)
	if len(r) <= moodleMax {
		return s
	}
	return string(r[:moodleMax-1]) + "…"
}
