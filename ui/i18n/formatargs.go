package i18n

import "fmt"

// Format returns the message key as a format of n string arguments, for
// code that fills it in later (davsync's labels and notes): each verb
// comes back indexed (%[2]s), so a translation that reorders its
// arguments keeps its order.
func (l Lang) Format(key string, n int) string {
	args := make([]any, n)
	for i := range args {
		args[i] = fmt.Sprintf("%%[%d]s", i+1)
	}
	return l.T(key, args...)
}
