// Package proof holds the fault and bad-input half of issue 8 "Proof": tests
// only, run with `go test ./proof/` (bench/fuzz.sh runs the fuzz targets).
//
//   - side_test.go: 500 writes from real command-line processes while the
//     planner is open and polling: nothing lost, no command waits 2 s.
//   - damage_test.go: truncated, emptied, zeroed, foreign, read-only,
//     full-disk and newer-schema files: one clear line, exit 1, no panic,
//     the file left as it was.
//   - hostile_test.go: escape and control sequences in every text field,
//     through every output (CLI text and JSON, CSV, iCalendar, Markdown,
//     the planner's six tabs).
//   - resize_test.go: every pane on the demo data at sizes from 1×1 to
//     300×100 and through rapid resizes.
//   - fuzz_test.go: the command line and the text outputs under fuzzed input.
//
// The command-line processes are this test binary run again with
// PROOF_CHILD=1 (see TestMain): it then runs cli.Main on its arguments, as
// the salesplan binary does, so no separate build is needed. proof/README.md
// holds the numbers and findings.
package proof
