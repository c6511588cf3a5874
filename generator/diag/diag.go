// Package diag holds positioned diagnostics: a position in a source file, an
// error at that position, and a list that collects every error of a phase so
// that a user sees all of them at once, one per line as file:line:col: message.
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in a source file. Line and Col are 1-based; zero means
// unknown, and the printed form drops what is unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as file:line:col, file:line or file.
func (p Pos) String() string {
	switch {
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return p.File
	}
}

// Error is one problem at one position.
type Error struct {
	Pos Pos
	Msg string
}

// Error formats the error as position: message.
func (e *Error) Error() string {
	if e.Pos.File == "" {
		return e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

// List collects errors. Its zero value is ready to use.
type List []*Error

// Add appends an error at pos.
func (l *List) Add(pos Pos, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// AddErr appends err, keeping its position when it is a *Error or a List.
func (l *List) AddErr(pos Pos, err error) {
	if err == nil {
		return
	}
	var list List
	if errors.As(err, &list) {
		*l = append(*l, list...)
		return
	}
	var e *Error
	if errors.As(err, &e) {
		*l = append(*l, e)
		return
	}
	l.Add(pos, "%s", err.Error())
}

// Len reports the number of errors.
func (l List) Len() int { return len(l) }

// Sort orders the errors by file, line, column and message, and drops exact
// duplicates, so that output does not depend on the order work was done in.
func (l *List) Sort() {
	s := *l
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		return a.Msg < b.Msg
	})
	out := s[:0]
	for i, e := range s {
		if i > 0 && e.Error() == s[i-1].Error() {
			continue
		}
		out = append(out, e)
	}
	*l = out
}

// Err returns the list as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error prints every error, one per line.
func (l List) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Lines returns each error formatted on its own.
func (l List) Lines() []string {
	out := make([]string, len(l))
	for i, e := range l {
		out[i] = e.Error()
	}
	return out
}

// Prefix returns err with every message prefixed by the position chain of
// outer, the way a template error is chained to the content file being
// rendered: content/x.md:3:1: themes/default/layouts/bloc.html:12:5: msg.
func Prefix(outer Pos, err error) error {
	if err == nil {
		return nil
	}
	return &Error{Pos: outer, Msg: err.Error()}
}
