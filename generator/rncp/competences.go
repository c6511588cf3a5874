package rncp

import "strings"

// Competence is one compétence of a bloc, as the fiche words it.
type Competence struct {
	// Number is the official number when the fiche gives one (C1.1,
	// C4.2.1, even C.2.3), as written; empty otherwise.
	Number string
	Text   string
}

// numbered matches a compétence that starts with its own number: "C1.1 –
// text", "C4.2.1 : text", "C.2.3 - text", "C2. text".
var numbered = lazyRegexp(`^(C\.?\d+(?:\.\d+)*)\.?(?:\s*[-–—:)]\s*|\s+)(\S.*)$`)

// Competences reads the compétences of LISTE_COMPETENCES, whichever way the
// fiche writes them: <ul><li> items, "<p>- …</p>" paragraphs, lines split
// by <br>, or paragraphs starting with their number. An introduction ending
// with a colon ("Compétences du bloc :") is not a compétence. When the
// compétences are numbered, a line without a number continues the one
// above: the export sometimes breaks a long compétence in two paragraphs.
func Competences(s string) []Competence {
	var out []Competence
	numberedList := false
	for _, text := range Items(s) {
		if m := numbered().FindStringSubmatch(text); m != nil {
			numberedList = true
			out = append(out, Competence{Number: m[1], Text: strings.TrimSpace(m[2])})
			continue
		}
		if numberedList && len(out) > 0 {
			out[len(out)-1].Text += " " + text
			continue
		}
		out = append(out, Competence{Text: text})
	}
	return out
}

// Items reads a field that lists things one a line, such as the types
// d'emplois accessibles: the text of each line, bullets cut, without the
// introduction that ends with a colon.
func Items(s string) []string {
	var out []string
	for _, l := range lines(s) {
		text, _ := cutBullet(l.text)
		if text != "" && !strings.HasSuffix(text, ":") {
			out = append(out, text)
		}
	}
	return out
}
