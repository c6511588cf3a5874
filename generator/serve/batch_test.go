package serve

import (
	"context"
	"reflect"
	"testing"
	"time"
)

func TestBatchDue(t *testing.T) {
	t0 := time.Unix(1000, 0)
	ms := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Millisecond) }
	type event struct {
		at   int // ms after t0
		path string
	}
	tests := []struct {
		name   string
		events []event
		due    int // ms after t0; -1: nothing due
		paths  []string
	}{
		{"empty", nil, -1, []string{}},
		{"one save", []event{{0, "content/b1.toml"}}, 15, []string{"content/b1.toml"}},
		{"vim storm is one batch", []event{
			{0, "content/4913"}, {1, "content/b1.toml"}, {1, "content/b1.toml~"}, {2, "content/b1.toml"}, {3, "content/b1.toml"},
		}, 18, []string{"content/4913", "content/b1.toml", "content/b1.toml~"}},
		{"each event pushes the deadline", []event{{0, "a"}, {10, "b"}, {20, "c"}}, 35, []string{"a", "b", "c"}},
		{"a steady stream is cut at maxWait", []event{{0, "a"}, {14, "b"}, {28, "c"}, {42, "d"}, {56, "e"}, {70, "f"}, {84, "g"}, {98, "h"}}, 100,
			[]string{"a", "b", "c", "d", "e", "f", "g", "h"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBatch(15*time.Millisecond, 100*time.Millisecond)
			for _, e := range tt.events {
				b.add(e.path, ms(e.at))
			}
			at, ok := b.due()
			if tt.due < 0 {
				if ok {
					t.Fatalf("due at %v, want nothing due", at.Sub(t0))
				}
			} else if !ok || !at.Equal(ms(tt.due)) {
				t.Fatalf("due at %v (%v), want %d ms", at.Sub(t0), ok, tt.due)
			}
			if got := b.take(); !reflect.DeepEqual(got, tt.paths) {
				t.Errorf("take() = %q, want %q", got, tt.paths)
			}
			if _, ok := b.due(); ok {
				t.Error("batch still due after take")
			}
		})
	}
}

// TestBatchEventsWhileBusy checks that changes made while the receiver is
// busy (rebuilding) are delivered together afterwards, none lost.
func TestBatchEventsWhileBusy(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := make(chan string)
	out := make(chan []string)
	// Windows far above what a loaded machine takes to run the next line
	// (under -race on 2 busy cores, 5 ms was not): only the order of events
	// matters here.
	go batchEvents(ctx, in, out, 100*time.Millisecond, time.Second)

	in <- "a"
	in <- "b"
	if got := receive(t, out); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Fatalf("first batch = %q, want [a b]", got)
	}
	// Not receiving: two quiet windows pass, each closing a batch.
	in <- "c"
	time.Sleep(300 * time.Millisecond)
	in <- "d"
	in <- "c"
	time.Sleep(300 * time.Millisecond)
	if got := receive(t, out); !reflect.DeepEqual(got, []string{"c", "d"}) {
		t.Fatalf("merged batch = %q, want [c d]", got)
	}
	select {
	case got := <-out:
		t.Fatalf("unexpected batch %q", got)
	case <-time.After(300 * time.Millisecond):
	}
}

func receive(t *testing.T, out <-chan []string) []string {
	t.Helper()
	select {
	case got := <-out:
		return got
	case <-time.After(2 * time.Second):
		t.Fatal("no batch")
		return nil
	}
}

func TestMerge(t *testing.T) {
	tests := []struct{ a, b, want []string }{
		{nil, []string{"x"}, []string{"x"}},
		{[]string{"a", "c"}, []string{"b", "c"}, []string{"a", "b", "c"}},
	}
	for _, tt := range tests {
		if got := merge(tt.a, tt.b); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("merge(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}
