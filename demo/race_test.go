//go:build race

package demo

// raceEnabled: the race detector slows the big import 5–10×.
const raceEnabled = true
