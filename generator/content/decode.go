package content

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/unicode/norm"

	"cursus/generator/diag"
	"cursus/generator/msg"
)

var bom = []byte("\xef\xbb\xbf")

// checkText strips a byte-order mark, reports an empty file or invalid
// UTF-8 with the position of the first bad byte, and returns the text in
// Unicode normal form C: an é typed precomposed or, as macOS tools save
// it, as e and a combining accent is the same é in every id, slug and page.
func checkText(lang msg.Lang, file string, src []byte, errs *diag.List) ([]byte, bool) {
	src = bytes.TrimPrefix(src, bom)
	if len(bytes.TrimSpace(src)) == 0 {
		errs.Add(diag.Pos{File: file, Line: 1, Col: 1}, "%s", lang.F(msg.EmptyFile))
		return nil, false
	}
	if !utf8.Valid(src) {
		line, col := 1, 1
		for i := 0; i < len(src); {
			r, n := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			i += n
		}
		errs.Add(diag.Pos{File: file, Line: line, Col: col}, "%s", lang.F(msg.NotUTF8))
		return nil, false
	}
	return norm.NFC.Bytes(src), true // src itself when it is NFC already
}

// decodeTOML decodes src into v, reporting syntax errors, type errors and
// unknown keys (typos) at their position. firstLine is the line of src in the
// file: 1 for a data file, 2 for front matter. It returns the key index so
// callers can position their own validation errors.
func decodeTOML(lang msg.Lang, file string, src []byte, firstLine int, v any, errs *diag.List) (ki *keyIndex, ok bool) {
	text := string(src)
	ki = indexKeys(text, firstLine)
	md, err := safeDecode(lang, text, v)
	if err != nil {
		if !typeErrors(lang, file, text, v, err, ki, errs) {
			errs.Add(tomlErrPos(file, err, firstLine, ki), "%s", tomlErrMsg(lang, err))
		}
		return ki, false
	}
	for _, key := range md.Undecoded() {
		path := key.String()
		positions := ki.plain[path]
		if len(positions) == 0 {
			positions = [][2]int{{0, 0}}
		}
		for _, p := range positions {
			errs.Add(diag.Pos{File: file, Line: p[0], Col: p[1]}, "%s", lang.F(msg.UnknownKey, path))
		}
	}
	return ki, true
}

// safeDecode guards the TOML library, which can panic on some malformed
// input positions, so that bad content is an error and never a crash.
func safeDecode(lang msg.Lang, text string, v any) (md toml.MetaData, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("toml: " + lang.F(msg.TOMLUnreadable, r)) // said as the library's (tomlErrMsg)
		}
	}()
	return toml.Decode(text, v)
}

func tomlErrPos(file string, err error, firstLine int, ki *keyIndex) diag.Pos {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		line, col := pe.Position.Line, pe.Position.Col
		if line <= 0 {
			if pe.LastKey != "" {
				line, col = ki.lookup(pe.LastKey)
				return diag.Pos{File: file, Line: line, Col: col}
			}
			line, col = 1, 0
		}
		if col <= 0 {
			col = 1
		}
		return diag.Pos{File: file, Line: line + firstLine - 1, Col: col}
	}
	if m := typeErr().FindStringSubmatch(err.Error()); m != nil {
		line, col := ki.lookup(m[2])
		if line == 0 {
			n, _ := strconv.Atoi(m[1])
			line, col = n+firstLine-1, 1
		}
		return diag.Pos{File: file, Line: line, Col: col}
	}
	return diag.Pos{File: file, Line: firstLine, Col: 1}
}

// typeErr matches the library's type errors, which are not ParseErrors and
// carry the position only in their text.
var typeErr = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)
})

func tomlErrMsg(lang msg.Lang, err error) string {
	var pe toml.ParseError
	text := err.Error()
	if errors.As(err, &pe) {
		text = pe.Message
		if pe.LastKey != "" && !strings.Contains(text, pe.LastKey) {
			text += lang.F(msg.TOMLKey, pe.LastKey)
		}
	} else if m := typeErr().FindStringSubmatch(text); m != nil {
		text = typeMismatch(lang, m[3]) + lang.F(msg.TOMLKey, m[2])
	}
	return lang.F(msg.TOMLPrefix) + strings.TrimPrefix(text, "toml: ")
}

// mismatch matches the library's message for a value of the wrong type.
var mismatch = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^incompatible types: TOML value has type (\S+); destination has type (\S+)$`)
})

// typeMismatch says a type error of the library in lang: "il faut un
// nombre entier, pas un texte entre guillemets"; other messages as they
// are.
func typeMismatch(lang msg.Lang, text string) string {
	m := mismatch().FindStringSubmatch(text)
	if m == nil {
		return text
	}
	got, want := kindName(lang, m[1]), kindName(lang, m[2])
	if got == "" || want == "" {
		return text
	}
	return lang.F(msg.TOMLType, want, got)
}

// kindName names a type of the TOML library's messages, "" when unknown.
func kindName(lang msg.Lang, kind string) string {
	k, ok := map[string]msg.Key{
		"string": msg.KindString, "integer": msg.KindInteger, "int64": msg.KindInteger, "float": msg.KindFloat,
		"float64": msg.KindFloat, "bool": msg.KindBool, "boolean": msg.KindBool,
		"array": msg.KindArray, "slice": msg.KindArray, "[]any": msg.KindArray, "[]interface {}": msg.KindArray,
		"table": msg.KindTable, "map": msg.KindTable, "struct": msg.KindTable, "map[string]any": msg.KindTable,
		"map[string]interface {}": msg.KindTable, "datetime": msg.KindDatetime, "time.Time": msg.KindDatetime,
	}[kind]
	if !ok {
		return ""
	}
	return lang.F(k)
}

// Keys tells where the keys of a decoded TOML file are written.
type Keys struct {
	file string
	ki   *keyIndex
}

// Pos returns the position of a dotted key path ("markup.unsafe"), of its
// closest table written in the file when the key is not, or of the file.
func (k Keys) Pos(path string) diag.Pos {
	if k.ki == nil {
		return diag.Pos{File: k.file}
	}
	line, col := k.ki.lookup(path)
	return diag.Pos{File: k.file, Line: line, Col: col}
}

// DecodeTOML decodes a whole TOML file into v with the same checks as the
// content loader: syntax and type errors positioned, unknown keys reported as
// typos, a panicking parser turned into an error. It returns where the keys
// are, for the caller's own checks, and a diag.List, in lang.
func DecodeTOML(lang msg.Lang, file string, src []byte, v any) (Keys, error) {
	var errs diag.List
	keys := Keys{file: file}
	if text, ok := checkText(lang, file, src, &errs); ok {
		keys.ki, _ = decodeTOML(lang, file, text, 1, v, &errs)
	}
	errs.Sort()
	return keys, errs.Err()
}
