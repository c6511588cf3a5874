package content

import (
	"bytes"

	"cursus/generator/msg"
)

// frontError is a problem of front matter, the key of its message.
type frontError msg.Key

func (e frontError) Error() string { return msg.FR.F(msg.Key(e)) }

// errNoFrontMatter and errUnterminated describe the two ways a page's front
// matter fence can be wrong.
var (
	errNoFrontMatter error = frontError(msg.FrontNone)
	errUnterminated  error = frontError(msg.FrontUnterminated)
)

// splitFrontMatter separates the TOML front matter between the two +++ lines
// from the markdown body. bodyLine is the 1-based line the body starts on,
// so positions inside the body can be mapped back into the file. The front
// matter itself starts on line 2.
func splitFrontMatter(src []byte) (front, body []byte, bodyLine int, err error) {
	first, rest, ok := cutLine(src)
	if !isFence(first) {
		return nil, nil, 0, errNoFrontMatter
	}
	if !ok {
		return nil, nil, 0, errUnterminated
	}
	line := 2
	start := rest
	for len(rest) > 0 {
		l, next, _ := cutLine(rest)
		if isFence(l) {
			front = start[:len(start)-len(rest)]
			return front, next, line + 1, nil
		}
		rest = next
		line++
	}
	return nil, nil, 0, errUnterminated
}

// cutLine returns the first line of b without its line ending, the rest after
// it, and whether a line ending was found.
func cutLine(b []byte) (line, rest []byte, ok bool) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return b, nil, false
	}
	return b[:i], b[i+1:], true
}

func isFence(line []byte) bool {
	return string(bytes.TrimRight(line, " \t\r")) == "+++"
}
