package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

// noGCBudget is how much memory a one-shot command may take before its
// first garbage collection; gcPercent is the pacing after it.
const (
	noGCBudget = 64 << 20
	gcPercent  = 150
)

// tuneGC holds garbage collection off until the process uses noGCBudget,
// then collects with GOGC=150.
//
// The collector starts with a 4 MB heap target: a build of the bundled site
// allocates about 20 MB and used to run several collections, each with its
// pauses, write barriers and fresh metadata pages, for a quarter of its
// time. A small site now builds with no collection at all; a large one
// collects once at 64 MB and then whenever its heap reaches two and a half
// times what was live after the last collection: the 6,744-page site peaks
// at 115 MB instead of 97 MB with GOGC=100, for 4% less time. GOGC or
// GOMEMLIMIT in the environment win.
func tuneGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(noGCBudget)
	// The first collection finalizes the sentinel, which restores the
	// defaults.
	sentinel := new([16]byte)
	runtime.SetFinalizer(sentinel, func(*[16]byte) {
		debug.SetGCPercent(gcPercent)
		debug.SetMemoryLimit(math.MaxInt64)
	})
}

// serveGCPercent paces the collector of the dev server.
const serveGCPercent = 50

// tuneServeGC runs the dev server's collector with GOGC=50. The server
// holds a whole site and what its builds keep for the next one for hours,
// and each rebuild allocates about as much again: with the default pacing
// its heap grew to twice what is live. On the 6,000-page site, after 200
// edits: 432 MB resident with GOGC=100, 331 MB with 50, for a rebuild 8 %
// slower (p50 208 → 225 ms). GOGC or GOMEMLIMIT in the environment win.
func tuneServeGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(serveGCPercent)
}
