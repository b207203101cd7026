package storage

// ForgetVerified makes the next Store of path find no record of a
// verified state (as if a program other than salesplan had written).
func ForgetVerified(path string) { forgetVerified(path) }
