package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestTuneGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))

	tuneGC()
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Fatalf("GC percent %d after tuneGC, want -1 (off)", got)
	}
	if got := debug.SetMemoryLimit(-1); got != noGCBudget {
		t.Fatalf("memory limit %d, want %d", got, noGCBudget)
	}
	runtime.GC()
	deadline := time.Now().Add(5 * time.Second)
	for debug.SetMemoryLimit(-1) != math.MaxInt64 {
		if time.Now().After(deadline) {
			t.Fatal("the first collection did not restore the memory limit")
		}
		runtime.Gosched()
		time.Sleep(time.Millisecond)
	}
	if got := debug.SetGCPercent(100); got != gcPercent {
		t.Errorf("GC percent %d after the first collection, want %d", got, gcPercent)
	}

	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	tuneGC()
	if got := debug.SetGCPercent(50); got != 50 {
		t.Errorf("tuneGC overrode GOGC=50: percent %d", got)
	}
}

func TestTuneServeGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	tuneServeGC()
	if got := debug.SetGCPercent(100); got != serveGCPercent {
		t.Errorf("GC percent %d after tuneServeGC, want %d", got, serveGCPercent)
	}
	t.Setenv("GOGC", "200")
	tuneServeGC()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC=200 in the environment: GC percent set to %d", got)
	}
}
