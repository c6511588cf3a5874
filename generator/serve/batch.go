package serve

import (
	"context"
	"sort"
	"time"
)

// batch gathers changed paths until the file system has been quiet for
// window, so that an editor's save storm (backup, temp file, rename, chmod)
// or a git checkout gives one rebuild, not ten. maxWait bounds the wait from
// the first event, so that a process writing without pause still gets a
// rebuild now and then.
type batch struct {
	window, maxWait time.Duration
	paths           map[string]bool
	first, last     time.Time
}

func newBatch(window, maxWait time.Duration) *batch {
	return &batch{window: window, maxWait: maxWait, paths: map[string]bool{}}
}

// add records a change seen at now.
func (b *batch) add(path string, now time.Time) {
	if len(b.paths) == 0 {
		b.first = now
	}
	b.paths[path] = true
	b.last = now
}

// due reports when the batch should be delivered; ok is false when it is
// empty.
func (b *batch) due() (at time.Time, ok bool) {
	if len(b.paths) == 0 {
		return time.Time{}, false
	}
	at = b.last.Add(b.window)
	if limit := b.first.Add(b.maxWait); limit.Before(at) {
		at = limit
	}
	return at, true
}

// take empties the batch and returns its paths, sorted.
func (b *batch) take() []string {
	out := make([]string, 0, len(b.paths))
	for p := range b.paths {
		out = append(out, p)
	}
	sort.Strings(out)
	clear(b.paths)
	return out
}

// batchEvents reads changed paths from in and sends them in batches on out.
// While the receiver is busy (a rebuild is running), due batches merge into
// one, so the next rebuild sees every change made meanwhile and none is lost.
func batchEvents(ctx context.Context, in <-chan string, out chan<- []string, window, maxWait time.Duration) {
	b := newBatch(window, maxWait)
	var ready []string
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		var send chan<- []string
		if len(ready) > 0 {
			send = out
		}
		if at, ok := b.due(); ok {
			timer.Reset(time.Until(at))
		}
		select {
		case <-ctx.Done():
			return
		case p := <-in:
			b.add(p, time.Now())
		case <-timer.C:
			if at, ok := b.due(); ok && !time.Now().Before(at) {
				ready = merge(ready, b.take())
			}
		case send <- ready:
			ready = nil
		}
	}
}

// merge returns the sorted union of two sorted path lists.
func merge(a, b []string) []string {
	if len(a) == 0 {
		return b
	}
	seen := map[string]bool{}
	var out []string
	for _, p := range append(a, b...) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}
