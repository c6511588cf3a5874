//go:build race

package generator

// raceEnabled is true when the tests run under the race detector, which
// makes a build several times slower.
const raceEnabled = true
