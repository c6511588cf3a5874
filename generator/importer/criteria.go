package importer

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The export runs the criteria of a cell together ("…de la synthèse produite
// Clarté et précision…"). A criterion is a noun phrase whose head is an
// abstract noun of assessment, so a new one starts where such a noun appears
// capitalised after a word that could end a phrase. The rules, strongest
// first:
//
//  1. never inside parentheses;
//  2. never on a word that is not capitalised, nor on an acronym or a
//     technical name (two capitals or more: SI, PSSI, IoT, DevOps), nor on a
//     word holding a digit or a slash (ISO 27001, Cloud/virtualisée);
//  3. never after a word that cannot end a criterion: a preposition, an
//     article or a conjunction ("de la Sécurité"), or a word ending with a
//     comma, a slash or a dash (lists of names);
//  4. always on a known head noun (headNouns);
//  5. anything else capitalised is uncertain: it is split when it looks like
//     a head noun (a noun suffix followed by a preposition, or a sentence
//     just ended) and kept otherwise, and either way a warning asks a person
//     to check.

// headNouns are the capitalised words that start a criterion in French
// référentiels, folded to lower-case ASCII.
var headNouns = wordSet(`
	absence acces accessibilite adaptation adequation alignement analyse
	application aptitude argumentation autonomie capacite choix clarte
	coherence completude comprehension conception conformite connaissance
	contribution creativite definition degre demarche demonstration
	description documentation efficacite efficience elaboration ergonomie
	estimation evaluation evolutivite exactitude exhaustivite existence
	facilite faisabilite fiabilite fluidite formalisation frequence gestion
	identification implication innovation integration interpretation
	justesse justification lisibilite maintenabilite maitrise mesure methode
	mise mobilisation niveau nombre optimisation organisation originalite
	participation performance pertinence planification precision presence
	presentation prise production qualite rapidite realisation redaction
	reactivite regularite respect richesse rigueur robustesse securite
	selection sobriete structuration suivi taux tracabilite utilisation
	validite validation`)

// joinWords are the words a criterion never ends with, so a capitalised
// word right after one of them cannot start a new criterion.
var joinWords = wordSet(`
	a au aux avec chez dans de des du en entre et l la le les leur leurs
	ou par pour sa sans selon ses son sous sur un une vers d`)

// nounSuffixes mark the abstract nouns that head criteria.
var nounSuffixes = []string{"tion", "sion", "ite", "ence", "ance", "ment", "esse", "age", "ure", "eur", "ude", "ise"}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// verdict is the decision taken at one capitalised word.
type verdict int

const (
	keep       verdict = iota // part of the current criterion
	split                     // starts a new criterion
	splitCheck                // starts one, probably: warn
	keepCheck                 // part of the current one, probably: warn
)

// splitCriteria cuts one paragraph of a criteria cell into criteria. warn is
// called for every uncertain decision with the column of the word.
func splitCriteria(t text, warn func(col int, msg string)) []string {
	var out []string
	start, depth, scanned := 0, 0, 0
	for sp := 0; sp < len(t.s); sp++ {
		if t.s[sp] != ' ' {
			continue
		}
		depth, scanned = addDepth(depth, t.s[scanned:sp]), sp
		word, next := wordAt(t.s, sp+1)
		switch v := judge(lastWord(t.s[:sp]), word, next, depth); v {
		case splitCheck:
			warn(t.col(sp+1, 0), fmt.Sprintf("criterion split before %q: check that a new criterion starts here", word))
			fallthrough
		case split:
			out = append(out, t.s[start:sp])
			start = sp + 1
		case keepCheck:
			warn(t.col(sp+1, 0), fmt.Sprintf("%q kept inside a criterion: check that no new criterion starts here", word))
		}
	}
	return append(out, t.s[start:])
}

// addDepth updates the bracket nesting d over s; a stray closing bracket
// does not make it negative.
func addDepth(d int, s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			d++
		case ')', ']':
			if d > 0 {
				d--
			}
		}
	}
	return d
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// wordAt returns the word starting at i and the one after it.
func wordAt(s string, i int) (word, next string) {
	rest := s[i:]
	j := strings.IndexByte(rest, ' ')
	if j < 0 {
		return rest, ""
	}
	word, rest = rest[:j], rest[j+1:]
	if k := strings.IndexByte(rest, ' '); k >= 0 {
		rest = rest[:k]
	}
	return word, rest
}

// judge applies the rules of the heuristic to word, preceded by prev and
// followed by next, at bracket depth depth.
func judge(prev, word, next string, depth int) verdict {
	core := strings.TrimRight(word, ",;:.!?)»\"")
	first, _ := utf8.DecodeRuneInString(core)
	if depth > 0 || !unicode.IsUpper(first) || upperCount(core) > 1 ||
		strings.ContainsAny(core, "/0123456789") {
		return keep
	}
	if prev == "" || strings.ContainsAny(prev[len(prev)-1:], ",/-(") ||
		strings.HasSuffix(prev, "–") || strings.HasSuffix(prev, "—") ||
		joinWords[fold(strings.TrimRight(prev, "'’"))] {
		return keep
	}
	head := fold(core)
	if headNouns[head] {
		return split
	}
	if strings.HasSuffix(prev, ".") || hasNounSuffix(head) && (next == "" || joinWords[elided(next)]) {
		return splitCheck
	}
	return keepCheck
}

// elided folds w and reduces an elided article ("d'impact", "l’analyse")
// to its article: what matters in the word after a candidate.
func elided(w string) string {
	w = fold(w)
	for _, apo := range []string{"'", "’"} {
		if i := strings.Index(w, apo); i > 0 && i <= 2 {
			return w[:i]
		}
	}
	return w
}

func hasNounSuffix(w string) bool {
	for _, s := range nounSuffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

func upperCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}
