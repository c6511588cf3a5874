//go:build unix

package generator

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used, user and system: the
// benchmarks report it beside wall time, which moves more on a busy
// machine.
func cpuTime() time.Duration {
	var r syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &r)
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}
