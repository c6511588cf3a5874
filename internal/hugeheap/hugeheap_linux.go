// Package hugeheap asks Linux to back the first 128 MB of the Go heap with
// transparent huge pages. Importing it is all there is to do.
//
// A build of the bundled site touches about 20 MB of fresh heap, and every
// 4 KB page of it first costs a page fault. On the virtual machines this
// project is built and measured on, a fault costs 10 to 25 µs: 2,000 of them
// were a third of a whole `cursus build`. With huge pages the same memory
// comes in 2 MB at a time, in a few dozen faults. Linux left in its
// "madvise" mode (the usual default) gives huge pages only to memory that
// asks for them, and the Go runtime no longer asks (it did in Go 1.21.0, see
// golang.org/issue/63334), so this package does, for a short-lived command
// only: cmd/cursus imports it.
//
// The runtime maps heap memory as it grows, each mapping a fresh one that
// would not carry the advice. So init makes the heap grow once by 128 MB with
// one large allocation, advises the whole range, and frees it: the page
// allocator hands out the lowest free addresses first, so the next 128 MB
// of allocations land there, which is all of a bundled build and nearly all
// of a 6,000-page one (3,000 faults instead of 8,000 there). The memory is
// only reserved until touched; a kernel without huge pages ignores the
// advice.
package hugeheap

import (
	"runtime"
	"syscall"
	"unsafe"
)

const (
	hugePage   = 2 << 20
	heapArena  = 64 << 20 // the runtime's heap arena size on 64-bit Linux
	madvHuge   = 14       // MADV_HUGEPAGE
	growHeapBy = 128 << 20
)

// Range is the address range advised, for tests.
var Range [2]uintptr

func init() {
	b := make([]byte, growHeapBy)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	// From the start of the arena, so that the runtime's first mapping,
	// mostly untouched yet, is advised too.
	beg := p &^ (heapArena - 1)
	end := (p + growHeapBy) &^ (hugePage - 1)
	runtime.KeepAlive(b)
	b = nil
	syscall.Syscall(syscall.SYS_MADVISE, beg, end-beg, madvHuge)
	Range = [2]uintptr{beg, end}
	runtime.GC()
}
