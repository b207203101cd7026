// Package crashtest kills processes that write to the store, many times,
// and checks the database after each kill (issue 8):
//
//   - a writer making acknowledged writes (tasks, completions): every write
//     it acknowledged is there, and Check is clean;
//   - the demo import (one big transaction, file creation included): the
//     database holds nothing or the whole demo, never a part.
//
// The child processes are the test binary itself, re-executed with
// SALESPLAN_CRASH_CHILD set (see TestMain), so no helper binary is needed.
// `go test ./crashtest` kills each 20 times; bench/crash.sh runs the long
// version (-kills 500 -imports 200).
//
// SIGKILL ends the process, not the machine: the kernel still writes what
// the process had handed to it. So this proves that a write acknowledged by
// the store is committed (fsync'd bbolt transaction, one per user action)
// and that a transaction cut short at any instant leaves no half-written
// record or index entry; it does not simulate a power cut.
package crashtest
