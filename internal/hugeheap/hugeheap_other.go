//go:build !linux

// Elsewhere than on Linux, importing hugeheap does nothing: the advice it
// gives is Linux's.
package hugeheap
