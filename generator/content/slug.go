package content

import "strings"

// Slugify derives a URL segment from s: lowercase ASCII letters and digits,
// accents folded (é → e, œ → oe), every other run of characters turned into
// one hyphen, no hyphen at either end. It is how ids become URLs, so that a
// URL never depends on prose that faculty may reword.
func Slugify(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	hyphen := false
	for _, r := range s {
		folded := Fold(r)
		if folded == "" {
			if b.Len() > 0 {
				hyphen = true
			}
			continue
		}
		for i := 0; i < len(folded); i++ {
			c := folded[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
				if b.Len() > 0 {
					hyphen = true
				}
				continue
			}
			if hyphen {
				b.WriteByte('-')
				hyphen = false
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Fold returns the ASCII letters or digits that r stands for with its accent
// removed, or "" when r is neither a letter nor a digit that folds to ASCII.
// Case is kept.
func Fold(r rune) string {
	if r < 0x80 {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return string(r)
		}
		return ""
	}
	if s, ok := folds[r]; ok {
		return s
	}
	return ""
}

var folds = func() map[rune]string {
	m := map[rune]string{'œ': "oe", 'Œ': "OE", 'æ': "ae", 'Æ': "AE", 'ß': "ss"}
	groups := map[string]string{
		"a": "àáâãäåāą", "A": "ÀÁÂÃÄÅĀĄ", "c": "çćč", "C": "ÇĆČ",
		"e": "èéêëēęě", "E": "ÈÉÊËĒĘĚ", "i": "ìíîïī", "I": "ÌÍÎÏĪ",
		"n": "ñń", "N": "ÑŃ", "o": "òóôõöøō", "O": "ÒÓÔÕÖØŌ",
		"u": "ùúûüū", "U": "ÙÚÛÜŪ", "y": "ýÿ", "Y": "ÝŸ",
		"s": "śš", "S": "ŚŠ", "z": "źżž", "Z": "ŹŻŽ", "l": "ł", "L": "Ł",
	}
	for base, chars := range groups {
		for _, r := range chars {
			m[r] = base
		}
	}
	return m
}()
