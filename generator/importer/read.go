package importer

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"

	"cursus/generator/diag"
	"cursus/generator/msg"
)

// MaxTableSize is the largest table Import accepts, 8 MiB. The export of a
// référentiel weighs tens of kilobytes (the seed 26 KB), a megabyte or two
// with the markup of a word processor: past the limit the file is most
// likely not a table. The limit also bounds the memory of an import, which
// is proportional to the table but, for the worst tables, a hundred times
// its size (see the package documentation).
const MaxTableSize = 8 << 20

// ReadTable reads the table file name for Import. A regular file or a pipe
// is read (cursus import <(iconv -f latin1 -t utf-8 ref.txt)); a directory
// or a device such as /dev/zero is refused before reading. Reading stops
// past MaxTableSize, so that neither an endless pipe nor a huge file fills
// memory. Errors are a diag.List in lang, the language of the site: they
// are for the faculty who run the import.
func ReadTable(lang msg.Lang, name string) ([]byte, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, readError(lang, name, err)
	}
	if kind, ok := notAFile(fi.Mode()); ok {
		return nil, fileError(lang, name, msg.ReadNotFile, lang.F(kind))
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, readError(lang, name, err)
	}
	defer f.Close()
	var b bytes.Buffer
	if fi.Mode().IsRegular() {
		// Sized once: reading a large file into a growing buffer would
		// hold up to twice its size for a moment.
		b.Grow(int(min(fi.Size(), MaxTableSize)) + bytes.MinRead)
	}
	if _, err := b.ReadFrom(io.LimitReader(f, MaxTableSize+1)); err != nil {
		return nil, readError(lang, name, err)
	}
	if err := checkSize(lang, name, b.Bytes()); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// notAFile names what mode is when it is neither a regular file nor a
// pipe; ok is false for those.
func notAFile(mode fs.FileMode) (kind msg.Key, ok bool) {
	switch {
	case mode.IsRegular(), mode.Type() == fs.ModeNamedPipe:
		return 0, false
	case mode.IsDir():
		return msg.ReadDir, true
	case mode.Type()&fs.ModeDevice != 0:
		return msg.ReadDevice, true
	}
	return msg.ReadSpecial, true
}

// checkSize refuses a table over MaxTableSize, at the line and column where
// it passes the limit: where a pasted image or a wrong file shows.
func checkSize(lang msg.Lang, name string, src []byte) error {
	if len(src) <= MaxTableSize {
		return nil
	}
	before := src[:MaxTableSize]
	var l diag.List
	l.Add(diag.Pos{
		File: name,
		Line: 1 + bytes.Count(before, []byte("\n")),
		Col:  MaxTableSize - bytes.LastIndexByte(before, '\n'),
	}, "%s", lang.F(msg.ReadTooLarge, MaxTableSize>>20))
	return l
}

func readError(lang msg.Lang, name string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fileError(lang, name, msg.ReadNotFound)
	case errors.Is(err, fs.ErrPermission):
		return fileError(lang, name, msg.ReadDenied)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // the path is already in front of the message
	}
	return fileError(lang, name, msg.ReadFailed, err)
}

func fileError(lang msg.Lang, name string, k msg.Key, args ...any) error {
	var l diag.List
	l.Add(diag.Pos{File: name}, "%s", lang.F(k, args...))
	return l
}
