//go:build !race

package proof

const raceOn = false
