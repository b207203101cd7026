// Package cli is salesplan's command line (DESIGN.md §3): the scriptable
// face of the same operations the planner offers, over the same store and
// the same model rules, so both show the same numbers.
//
// Main parses the line with cobra (global flags --db, --today, --lang and
// --demo anywhere on the line), opens the store only when a command runs,
// and returns the exit code: 0 done, 1 failed (one translated line on
// stderr, the database unchanged), 2 bad usage (the error and a one-line
// hint). A command that changed the database then makes the daily
// automatic backup; its failure is a warning, never the command's.
//
// Decisions where DESIGN.md is silent:
//
//   - SALESPLAN_LOCK_TIMEOUT (a Go duration such as 500ms) bounds the wait
//     for the file lock; default 2s.
//   - `salesplan --demo CMD` runs any command on the throwaway demo database.
//   - Quick-add problems (unknown @client, empty title, …) are all reported,
//     joined by "; ", on the one error line.
//   - `done ID [--note TEXT] [--on DATE]`: the note is the outcome recorded
//     with the call, visit or meeting.
//   - `project stage P STAGE [--reason TEXT]`: the reason of a lost project
//     is recorded as a note; entering contract, delivery or acceptance adds
//     that stage's checklist as to-dos dated the day of the move.
//   - `--on DATE` (log, done, promise, promise keep, project stage) says when
//     something happened, so a date after today is refused.
//   - `target set --year Y --sales N` and/or `--month YYYY-MM N`.
//   - `config get` without a key lists every setting and target.
//   - `export --format csv --kind clients|tasks|journal|promises|projects`;
//     `import --format csv --kind clients [--dry-run] FILE`.
//   - `import -` reads the document from standard input.
//   - `restore FILE` asks on stderr and reads the answer from stdin unless
//     --yes; no answer is no.
//   - `backups` and `restore` also work when the database cannot be opened
//     (damaged, truncated, emptied): they are what the error points to.
//   - JSON is indented; "none" is null; names and texts are made inert.
//     The attention `text` is the promise's text, or for the other types a
//     fixed English phrase ("follow up with the client", "follow up on the
//     project", "prepare bid documents", "ask for the bid result").
//
// The list commands' JSON (not fixed by DESIGN.md) is an array of objects:
//
//	client list --json:  {"id", "name", "company", "tier", "area", "phone",
//	                      "cadence_days" (effective), "last_contact",
//	                      "next_followup", "due", "scheduled", "booked"
//	                      (a call/visit/meeting booked beyond 7 days, or null),
//	                      "days_overdue", "open_promises", "archived"}
//	promise list --json: {"id", "client", "project", "text", "made_on", "due",
//	                      "status", "kept_on", "overdue", "due_soon",
//	                      "cancelled_on", "cancel_reason", "broken" (cancelled
//	                      after its due date)}
//	project list --json: {"id", "name", "client", "owner", "value", "stage",
//	                      "stage_since", "bid_date", "signed_on" (the date its
//	                      value counts as signed, or null), "last_contact",
//	                      "next_followup", "due", "days_overdue"}
//	target show --json:  {"year", "annual", "signed", "months": [{"month",
//	                      "target", "by_hand", "signed"}], "quarters":
//	                      [{"quarter", "target", "signed"}]}
//	backups --json:      {"path", "kind" (auto|before-restore|manual), "day",
//	                      "modified" (RFC 3339), "size" (bytes)}
//
// `config get --json` prints the settings object of the exchange format
// (with a KEY, just that field's value); `holidays` shows the calendar in
// force (cn for a Chinese reader when none is set).
//
// The work plan's rules (v2):
//   - `week --json` promises add "cancelled" (cancelled in the week); the
//     month markers add "papers_due".
//   - `log call --prospect TEXT…` takes no --project: a prospect call is
//     about no project and resets no clock.
//   - `promise cancel` needs --reason; --on defaults to today and may not be
//     before the promise was made or after today.
//   - `project add --on DATE` is the day it entered its stage (default
//     today); at contract or later it counts as signed that day unless
//     --signed-on says when (refused below contract).
//   - `report day|week|month --on DATE` reports the day, the week or the
//     month containing DATE; `report week` prints exactly what `review`
//     prints.
//   - `config set days_off|extra_workdays` takes a list of dates (replacing
//     the list; empty clears it), `+DATE…` to add, `-- -DATE…` to remove.
package cli
