package hugeheap

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"unsafe"
)

// TestHeapIsAdvised reads the process's memory map: the mapping that holds a
// fresh heap allocation must carry the huge page advice ("hg").
func TestHeapIsAdvised(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil {
		t.Skip("kernel without transparent huge pages:", err)
	}
	if strings.Contains(string(mode), "[never]") {
		t.Skip("transparent huge pages disabled: ", strings.TrimSpace(string(mode)))
	}
	obj := make([]byte, 1<<20)
	addr := uintptr(unsafe.Pointer(unsafe.SliceData(obj)))
	if addr < Range[0] || addr >= Range[1] {
		t.Fatalf("a fresh allocation at %#x is outside the advised range %#x-%#x", addr, Range[0], Range[1])
	}
	flags, err := vmFlags(addr)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("heap mapping at %#x has VmFlags %q, want hg (MADV_HUGEPAGE)", addr, flags)
	}
}

// vmFlags returns the VmFlags of the mapping of /proc/self/smaps holding addr.
func vmFlags(addr uintptr) (string, error) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return "", err
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		var lo, hi uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x ", &lo, &hi); n == 2 && strings.Contains(line[:strings.IndexByte(line, ' ')], "-") {
			in = lo <= addr && addr < hi
			continue
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmFlags:")), nil
		}
	}
	return "", fmt.Errorf("no mapping holds %#x", addr)
}
