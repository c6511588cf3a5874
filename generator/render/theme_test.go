package render

import "testing"

func TestBlankComments(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"a{{/* it's */}}b", "a{{/**/}}b"},
		{"{{- /* \"x\n y */ -}}<p>", "{{- /**/ -}}<p>"},
		{"{{/* a */}}{{.X}}{{/* b */}}", "{{/**/}}{{.X}}{{/**/}}"},
		{"{{\"/* not a comment */\"}}", "{{\"/* not a comment */\"}}"},
		{"no comment", "no comment"},
	} {
		if got := string(BlankComments([]byte(tt.in))); got != tt.want {
			t.Errorf("BlankComments(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
