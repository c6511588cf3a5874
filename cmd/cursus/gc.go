package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

// noGCBudget is how much memory a one-shot command may take before its
// first garbage collection.
const noGCBudget = 64 << 20

// tuneGC holds garbage collection off until the process uses noGCBudget,
// then hands back to the usual pacing (GOGC=100).
//
// The collector starts with a 4 MB heap target: a build of the bundled site
// allocates about 20 MB and used to run several collections, each with its
// pauses, write barriers and fresh metadata pages, for a quarter of its
// time. A small site now builds with no collection at all; a large one
// collects once at 64 MB and then as usual, which keeps its peak memory where
// it was. GOGC or GOMEMLIMIT in the environment win.
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
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	})
}
