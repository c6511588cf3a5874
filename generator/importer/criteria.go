package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"cursus/generator/msg"
)

// The export runs the criteria of a cell together ("…de la synthèse produite
// Clarté et précision…"). A criterion is a noun phrase whose head is an
// abstract noun of assessment, or a sentence ("Les risques sont
// identifiés"), so a new one starts at a capital where the grammar lets the
// criterion before end. The rules, strongest first:
//
//  1. never inside parentheses;
//  2. never on a word that is not capitalised, nor on an acronym or a
//     technical name (two capitals or more: SI, PSSI, IoT, DevOps), nor on a
//     word holding a digit or a slash (ISO 27001, Cloud/virtualisée);
//  3. never after a word that cannot end a criterion: a preposition, an
//     article or a conjunction ("de la Sécurité"), or a word ending with a
//     comma, a slash or a dash (lists of names);
//  4. always on a known head noun (headNouns), and after a full stop;
//  5. after a capitalised word, a capital goes on a name ("Microsoft
//     Azure", "API REST Spring"): kept, with a warning if the word looks
//     like a head all the same (a noun suffix, then a complement);
//  6. a capitalised article or preposition ("Les risques…", "L'analyse…",
//     "Dans le respect…") only starts a sentence: split, unless a capital
//     follows, as in a name ("le journal Le Monde"): kept, with a warning;
//  7. anything else follows a criterion that could end there, and usually
//     starts a new one: it is split when it looks like a head (a noun
//     suffix, or a complement after it: "Exploitabilité", "Lien avec") and
//     kept when it looks like a name ("méthode Scrum et", "équipe Agile"),
//     and either way a warning asks a person to check.

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

// joinWords are the words a criterion never ends with: prepositions,
// articles, determiners and conjunctions. A capitalised word right after
// one of them cannot start a new criterion; capitalised, they start one.
var joinWords = wordSet(`
	a au aux avec ce ces cet cette chaque chez d dans de des du en entre et
	l la le les leur leurs ni ou par pour sa sans selon ses son sous sur un
	une vers`)

// conjunctions are the joinWords that join words of one kind: what comes
// before them is no more a head than a name.
var conjunctions = wordSet(`et ni ou`)

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
// called for every uncertain decision with the column of the word, the
// message and the word.
func splitCriteria(t text, warn func(col int, k msg.Key, word string)) []string {
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
			warn(t.col(sp+1, 0), msg.TableSplit, word)
			fallthrough
		case split:
			out = append(out, t.s[start:sp])
			start = sp + 1
		case keepCheck:
			warn(t.col(sp+1, 0), msg.TableKeptInside, word)
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
	if depth > 0 || !capitalised(core) || upperCount(core) > 1 ||
		strings.ContainsAny(core, "/0123456789") {
		return keep // rules 1 and 2
	}
	if prev == "" || strings.ContainsAny(prev[len(prev)-1:], ",/-(") ||
		strings.HasSuffix(prev, "–") || strings.HasSuffix(prev, "—") ||
		joinWords[fold(strings.TrimRight(prev, "'’"))] {
		return keep // rule 3
	}
	head := fold(core)
	switch {
	case headNouns[head] || strings.ContainsAny(prev[len(prev)-1:], ".!?"):
		return split // rule 4
	case capitalised(prev):
		if hasNounSuffix(head) && complement(next) {
			return keepCheck
		}
		return keep // rule 5
	case joinWords[elided(core)] && core != "A": // a bare A is a grade, a name
		if capitalised(next) {
			return keepCheck
		}
		return split // rule 6
	case hasNounSuffix(head) || complement(next):
		return splitCheck // rule 7
	}
	return keepCheck
}

func capitalised(w string) bool {
	first, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(first)
}

// complement reports whether w, the word after a candidate, introduces a
// complement of it ("Lien avec", "Identifier les"), as the words after the
// head of a criterion do.
func complement(w string) bool {
	e := elided(w)
	return joinWords[e] && !conjunctions[e]
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

// hasNounSuffix reports whether w, folded, ends like an abstract noun,
// singular or plural (documents, résultats).
func hasNounSuffix(w string) bool {
	w = strings.TrimSuffix(w, "s")
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
