package importer

import "testing"

func TestUnifiedDiff(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"two hunks", "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n", "a\nB\nc\nd\ne\nf\ng\nh\nI\nj\n", `--- a/x
+++ b/x
@@ -1,4 +1,4 @@
 a
-b
+B
 c
 d
@@ -7,4 +7,4 @@
 g
 h
-i
+I
 j
`},
		{"close changes share a hunk", "a\nb\nc\nd\ne\n", "A\nb\nc\nD\ne\n", `--- a/x
+++ b/x
@@ -1,5 +1,5 @@
-a
+A
 b
 c
-d
+D
 e
`},
		{"append", "a\n", "a\nb\n", `--- a/x
+++ b/x
@@ -1,1 +1,2 @@
 a
+b
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := unifiedDiff("x", tt.old, tt.new); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
