// Package crashtest kills a process that is writing to the store, many
// times, and checks after each kill that every write the process
// acknowledged is there and that the database is consistent (issue 8).
//
// The writer is the test binary itself, re-executed with
// SALESPLAN_CRASH_CHILD=1 (see TestMain), so the test needs no helper
// binary. `go test ./crashtest` kills it 20 times; bench/crash.sh runs the
// long version (`-kills 500`).
//
// SIGKILL ends the process, not the machine: the kernel still writes what
// the process had handed to it. So this proves that a write acknowledged by
// the store is committed (fsync'd bbolt transaction, one per user action)
// and that a transaction cut short at any instant leaves no half-written
// record or index entry; it does not simulate a power cut.
package crashtest
