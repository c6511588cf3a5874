package rncp

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"cursus/generator/diag"
	"cursus/generator/msg"
)

// IsExport reports whether head, the first bytes of a file, starts a
// national export: an XML document whose root element is FICHES. The
// command tells the export from a référentiel table by this, not by the
// file's name.
func IsExport(head []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(head))
	for {
		tok, err := d.RawToken()
		if err != nil {
			return false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t.Name.Local == "FICHES"
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return false
			}
		}
	}
}

// Read streams the export r (name is its file name, for messages) and
// returns the fiches whose NUMERO_FICHE is in numeros, by number. Other
// fiches are skipped as soon as their number is read, and reading stops
// once every wanted fiche is found, so memory stays that of one fiche
// whatever the size of the export. A number that is not in the export is
// simply absent from the map. Errors are a diag.List whose positions are
// lines and columns of the export, their messages in lang.
func Read(lang msg.Lang, name string, r io.Reader, numeros []string) (map[string]*Fiche, error) {
	rd := &reader{lang: lang, name: name, d: xml.NewDecoder(bufio.NewReaderSize(r, 256<<10)), want: map[string]bool{}}
	for _, n := range numeros {
		rd.want[strings.TrimSpace(n)] = true
	}
	found, err := rd.read()
	if err != nil {
		var list diag.List
		list.AddErr(diag.Pos{File: name}, err)
		return nil, list
	}
	var errs diag.List
	for _, f := range found {
		f.check(lang, &errs)
	}
	if errs.Sort(); errs.Len() > 0 {
		return nil, errs
	}
	return found, nil
}

type reader struct {
	lang msg.Lang // of the errors
	name string
	d    *xml.Decoder
	want map[string]bool
	open []string // names of the elements open at this point
}

// pos is the position of the next byte the decoder reads: called before
// Token, the start of the token it returns.
func (r *reader) pos() diag.Pos {
	line, col := r.d.InputPos()
	return diag.Pos{File: r.name, Line: max(line, 1), Col: max(col, 1)} // col is 0 just after a newline
}

// token returns the next token, and a syntax error at the line and column
// where the decoder stopped. It reads raw tokens and matches start and end
// tags itself: Token's name-space translation and element stack cost three
// times the reading itself (profiled on a 64 MB export), and most of an
// export is only read through.
func (r *reader) token() (xml.Token, error) {
	tok, err := r.d.RawToken()
	if err == io.EOF && len(r.open) > 0 {
		err = io.ErrUnexpectedEOF
	}
	if err == io.EOF {
		return nil, err
	}
	if err != nil {
		return nil, r.syntax(err)
	}
	switch t := tok.(type) {
	case xml.StartElement:
		r.open = append(r.open, t.Name.Local)
	case xml.EndElement:
		if len(r.open) == 0 {
			return nil, r.fail(r.pos(), msg.ExportUnclosed, t.Name.Local)
		}
		if name := r.open[len(r.open)-1]; name != t.Name.Local {
			return nil, r.fail(r.pos(), msg.ExportMismatch, name, t.Name.Local)
		}
		r.open = r.open[:len(r.open)-1]
	}
	return tok, nil
}

func (r *reader) syntax(err error) error {
	text := err.Error()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		text = se.Msg
	}
	if err == io.ErrUnexpectedEOF || text == "unexpected EOF" {
		return r.fail(r.pos(), msg.ExportTruncated)
	}
	return r.fail(r.pos(), msg.ExportSyntax, text)
}

// fail is an error at pos, in the language of the messages.
func (r *reader) fail(pos diag.Pos, k msg.Key, args ...any) error {
	return &diag.Error{Pos: pos, Msg: r.lang.F(k, args...)}
}

func (r *reader) read() (map[string]*Fiche, error) {
	found := map[string]*Fiche{}
	if err := r.root(); err != nil {
		return nil, err
	}
	for len(found) < len(r.want) {
		p := r.pos()
		tok, err := r.token()
		if err == io.EOF {
			return nil, r.fail(r.pos(), msg.ExportNoEnd, "FICHES")
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "FICHE" {
				err = r.skip()
				break
			}
			var f *Fiche
			if f, err = r.fiche(t, p); f != nil && found[f.Numero] == nil {
				found[f.Numero] = f
			}
		case xml.EndElement:
			return found, nil // </FICHES>
		}
		if err != nil {
			return nil, err
		}
	}
	return found, nil
}

// root reads up to the FICHES element.
func (r *reader) root() error {
	for {
		p := r.pos()
		tok, err := r.token()
		if err == io.EOF {
			return r.fail(p, msg.ExportNoFiches)
		}
		if err != nil {
			return err
		}
		if t, ok := tok.(xml.StartElement); ok {
			if t.Name.Local != "FICHES" {
				return r.fail(p, msg.ExportRoot, t.Name.Local)
			}
			return nil
		}
	}
}

// skip reads past the end of the element whose start was just read.
func (r *reader) skip() error {
	for depth := len(r.open) - 1; len(r.open) > depth; {
		if _, err := r.token(); err != nil {
			return err
		}
	}
	return nil
}

// fiche reads the FICHE that start opened, at p. It keeps the tokens up to
// NUMERO_FICHE; a fiche that is not wanted is then skipped, and a wanted
// one decoded from those tokens followed by the rest of the element.
func (r *reader) fiche(start xml.StartElement, p diag.Pos) (*Fiche, error) {
	rp := &replay{r: r, buf: []xml.Token{start.Copy()}, depth: 1, fields: map[string]diag.Pos{}}
	numero, err := rp.number()
	if err != nil {
		return nil, err
	}
	if !r.want[numero] {
		if rp.depth > 0 {
			return nil, r.skip()
		}
		return nil, nil
	}
	f := &Fiche{Pos: p, Fields: rp.fields}
	if err := xml.NewTokenDecoder(rp).Decode(f); err != nil {
		var de *diag.Error
		if errors.As(err, &de) {
			return nil, de
		}
		return nil, r.syntax(err)
	}
	f.Numero = numero
	for i := range f.Blocs {
		if i < len(rp.blocs) {
			f.Blocs[i].Pos = rp.blocs[i]
		}
	}
	return f, nil
}

// replay is the token stream of one FICHE: the tokens read to find its
// number, then the rest of the element from the export. It notes where each
// child element and each bloc starts.
type replay struct {
	r      *reader
	buf    []xml.Token
	depth  int
	fields map[string]diag.Pos
	blocs  []diag.Pos
	path   []string
}

// number reads until the end of NUMERO_FICHE, or of the fiche.
func (rp *replay) number() (string, error) {
	var num strings.Builder
	in := false
	for rp.depth > 0 {
		tok, err := rp.next()
		if err != nil {
			return "", err
		}
		rp.buf = append(rp.buf, xml.CopyToken(tok))
		switch t := tok.(type) {
		case xml.StartElement:
			in = rp.depth == 2 && t.Name.Local == "NUMERO_FICHE"
		case xml.CharData:
			if in {
				num.Write(t)
			}
		case xml.EndElement:
			if in {
				return strings.TrimSpace(num.String()), nil
			}
		}
	}
	return "", nil
}

// next reads one token of the fiche from the export, keeping count of
// depth and positions.
func (rp *replay) next() (xml.Token, error) {
	p := rp.r.pos()
	tok, err := rp.r.token()
	if err == io.EOF {
		return nil, rp.r.fail(rp.r.pos(), msg.ExportNoEnd, "FICHE")
	}
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case xml.StartElement:
		rp.depth++
		rp.path = append(rp.path, t.Name.Local)
		if rp.depth == 2 {
			if _, ok := rp.fields[t.Name.Local]; !ok {
				rp.fields[t.Name.Local] = p
			}
		}
		if rp.depth == 3 && rp.path[0] == "BLOCS_COMPETENCES" && t.Name.Local == "BLOC_COMPETENCES" {
			rp.blocs = append(rp.blocs, p)
		}
	case xml.EndElement:
		rp.depth--
		if len(rp.path) > 0 {
			rp.path = rp.path[:len(rp.path)-1]
		}
	}
	return tok, nil
}

// Token implements xml.TokenReader for the decoding of a wanted fiche.
func (rp *replay) Token() (xml.Token, error) {
	if len(rp.buf) > 0 {
		tok := rp.buf[0]
		rp.buf = rp.buf[1:]
		return tok, nil
	}
	if rp.depth == 0 {
		return nil, io.EOF
	}
	return rp.next()
}
