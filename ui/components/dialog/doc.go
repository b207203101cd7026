// Package dialog is the one dialog host of the planner: every pane and the
// shell keep their dialogs (the form package's inputs, note boxes, forms,
// confirmations and popups, the client picker, the checklist) in a Host,
// which opens, sizes, draws and closes them, and tracks whether a save or
// a load is on its way (Busy). While anything on screen is busy the shell
// holds the keys typed (Queue) and hands them on, in order, once it is
// not: keys typed faster than a save land where they would have had the
// save been instant.
package dialog
