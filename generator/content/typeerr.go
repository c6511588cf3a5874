package content

import (
	"bytes"
	"errors"
	"reflect"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"cursus/generator/diag"
	"cursus/generator/msg"
)

// typeErrors reports every value of the wrong type in text, each at its
// own key. The TOML library stops at the first one and names its key
// without the index of its array of tables ("competences.criteria"), at
// the line of the last key of that name in the file. So the document is
// decoded as plain data; each value under the named key is decoded alone,
// in a document that holds only it, into a fresh v; the bad ones are
// reported and dropped; the rest is decoded again for the next error.
// It returns false when it could not place err, which the caller then
// reports as the library gave it.
func typeErrors(lang msg.Lang, file, text string, v any, err error, ki *keyIndex, errs *diag.List) bool {
	var doc map[string]any
	if _, derr := safeDecode(lang, text, &doc); derr != nil {
		return false
	}
	typ := reflect.TypeOf(v).Elem()
	decode := func(d map[string]any) error {
		var buf bytes.Buffer
		if err := toml.NewEncoder(&buf).Encode(d); err != nil {
			return err
		}
		_, err := safeDecode(lang, buf.String(), reflect.New(typ).Interface())
		return err
	}
	placed := false
	for range 100 { // each round drops a value: a bound, not a limit met
		key, ok := typeErrKey(err)
		if !ok {
			return placed
		}
		found := false
		for _, at := range locate(doc, key) {
			if perr := decode(at.probe); perr != nil {
				line, col := ki.lookup(at.path)
				errs.Add(diag.Pos{File: file, Line: line, Col: col}, "%s", tomlErrMsg(lang, perr))
				at.drop()
				found = true
			}
		}
		if !found {
			return placed
		}
		placed = true
		if err = decode(doc); err == nil {
			return true
		}
	}
	return placed
}

// typeErrKey returns the dotted key of a type error of the TOML library.
func typeErrKey(err error) ([]string, bool) {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return nil, false // a syntax error, or a value its type could not parse
	}
	m := typeErr().FindStringSubmatch(err.Error())
	if m == nil || strings.ContainsAny(m[2], `"'`) {
		return nil, false // a quoted key may hold dots
	}
	return strings.Split(m[2], "."), true
}

// located is one value under a key of a decoded document.
type located struct {
	path  string         // with indexes, as the key index has it: competences[1].criteria
	probe map[string]any // a document with that value alone, where it is
	drop  func()         // removes the value from the document
}

// locate finds every value of the document under key, through tables and
// arrays of tables.
func locate(doc map[string]any, key []string) []located {
	var out []located
	var walk func(m map[string]any, depth int, path string, wrap func(map[string]any) map[string]any)
	walk = func(m map[string]any, depth int, path string, wrap func(map[string]any) map[string]any) {
		k := key[depth]
		val, ok := m[k]
		if !ok {
			return
		}
		p := join(path, k)
		if depth == len(key)-1 {
			out = append(out, located{path: p, probe: wrap(map[string]any{k: val}), drop: func() { delete(m, k) }})
			return
		}
		in := func(inner map[string]any) map[string]any { return wrap(map[string]any{k: inner}) }
		inArray := func(inner map[string]any) map[string]any { return wrap(map[string]any{k: []map[string]any{inner}}) }
		switch x := val.(type) {
		case map[string]any:
			walk(x, depth+1, p, in)
		case []map[string]any:
			for i, e := range x {
				walk(e, depth+1, p+"["+strconv.Itoa(i)+"]", inArray)
			}
		case []any: // an inline array of tables
			for i, e := range x {
				if t, ok := e.(map[string]any); ok {
					walk(t, depth+1, p+"["+strconv.Itoa(i)+"]", inArray)
				}
			}
		}
	}
	walk(doc, 0, "", func(m map[string]any) map[string]any { return m })
	return out
}
