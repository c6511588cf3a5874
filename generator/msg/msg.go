// Package msg holds the messages cursus shows the people who write a site
// (errors, warnings, the import report) in French and in English, chosen by
// the site's languageCode: "fr…" or anything unknown is French, the
// language of the content; "en…" is English. Every message is a Key with
// both texts in one table (catalogue.go), so a translation is never missing
// and never written twice; TestCatalogue checks that each Key has both, with
// the same verbs.
package msg

import (
	"fmt"
	"strings"
)

// Lang is the language of the messages.
type Lang uint8

// The languages of the messages. FR is the zero value: what a site that
// says nothing, or a message made before config.toml is read, speaks.
const (
	FR Lang = iota
	EN
)

// Of returns the language of the messages of a site whose languageCode is
// code: English for "en", "en-GB"…, French otherwise.
func Of(code string) Lang {
	code = strings.ToLower(code)
	if code == "en" || strings.HasPrefix(code, "en-") || strings.HasPrefix(code, "en_") {
		return EN
	}
	return FR
}

// Key names one message.
type Key int

// F returns the message of k in l, its verbs replaced by args as
// fmt.Sprintf does.
func (l Lang) F(k Key, args ...any) string {
	t := catalogue[k]
	format := t.fr
	if l == EN {
		format = t.en
	}
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

type text struct{ fr, en string }
