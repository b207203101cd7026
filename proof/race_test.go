//go:build race

package proof

// raceOn: under -race everything runs 5–20 times slower, so the long
// tests take fewer rounds (the same checks).
const raceOn = true
