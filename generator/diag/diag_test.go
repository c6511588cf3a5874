package diag

import (
	"errors"
	"testing"
)

func TestPosString(t *testing.T) {
	tests := []struct {
		pos  Pos
		want string
	}{
		{Pos{"a.toml", 3, 7}, "a.toml:3:7"},
		{Pos{"a.toml", 3, 0}, "a.toml:3"},
		{Pos{"a.toml", 0, 0}, "a.toml"},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.pos, got, tt.want)
		}
	}
}

func TestListSortDedupAndErr(t *testing.T) {
	var l List
	if l.Err() != nil {
		t.Fatal("empty list must give a nil error")
	}
	l.Add(Pos{"b.toml", 1, 1}, "second file")
	l.Add(Pos{"a.toml", 9, 2}, "late")
	l.Add(Pos{"a.toml", 2, 5}, "early %d", 1)
	l.Add(Pos{"a.toml", 2, 5}, "early %d", 1)
	l.Sort()
	want := "a.toml:2:5: early 1\na.toml:9:2: late\nb.toml:1:1: second file"
	if got := l.Err().Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestAddErrKeepsPositions(t *testing.T) {
	var inner List
	inner.Add(Pos{"x.md", 4, 1}, "bad")
	var l List
	l.AddErr(Pos{"fallback", 0, 0}, inner.Err())
	l.AddErr(Pos{"fallback", 0, 0}, errors.New("plain"))
	if got := l.Error(); got != "x.md:4:1: bad\nfallback: plain" {
		t.Errorf("got %q", got)
	}
}
