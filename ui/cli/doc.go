// Package cli is salesplan's command line (DESIGN.md §3): the scriptable
// face of the same operations the planner offers, over the same store and
// the same model rules, so both show the same numbers.
//
// Main parses the line with cobra (global flags --db, --today, --lang and
// --demo anywhere on the line), opens the store only when a command runs,
// and returns the exit code: 0 done, 1 failed (one translated line on
// stderr, the database unchanged), 2 bad usage (the error and a one-line
// hint). An ID argument that no record can have (not a whole number, 0,
// negative, 2^53 or more) is bad usage for every command taking one, as a
// flag's value of the wrong type is; an id that names no record fails
// (exit 1). A command that changed the database then makes the daily
// automatic backup; its failure is a warning, never the command's.
//
// Decisions where DESIGN.md is silent:
//
//   - --today (or SALESPLAN_TODAY) outside 1900-01-01…2200-12-31 is refused
//     like any date out of the range: one line, exit 1.
//   - SALESPLAN_LOCK_TIMEOUT (a Go duration such as 500ms) bounds the wait
//     for the file lock; default 2s.
//   - `salesplan --demo CMD` runs any command on the throwaway demo database.
//   - Quick-add problems (unknown @client, empty title, …) are all reported,
//     joined by "; ", on the one error line.
//   - An error line repeats a value the person typed or imported whole up
//     to 500 cells; a longer one (a 100 KB name, a pasted file) is cut to
//     its first 120 cells and "…", so the reason stays on screen.
//   - `done ID [--note TEXT] [--on DATE]`: the note is the outcome recorded
//     with the call, visit or meeting.
//   - `project stage P STAGE [--reason TEXT]`: the reason of a lost project
//     is recorded as a note; entering contract, delivery or acceptance adds
//     that stage's checklist as to-dos dated the day of the move.
//   - `--on DATE` (log, done, promise, promise keep, project stage) says when
//     something happened, so a date after today is refused. Import holds
//     records to the same (model's CheckHappened): a client created, a task
//     done, an entry recorded, a promise made, kept or cancelled, a stage
//     entered or a project signed after today refuses the document, naming
//     the record and field; `--today` imports a document from a machine
//     whose date is ahead.
//   - `target set --year Y --sales N` and/or `--month YYYY-MM N`.
//   - `config get` without a key lists every setting and target.
//   - `export --format csv --kind clients|tasks|journal|promises|projects`;
//     `import --format csv --kind clients [--dry-run] FILE` reads every column
//     the clients export writes but id (created_on and archived included,
//     checked like the rest) and names the columns it ignores.
//   - `import -` reads the document from standard input.
//   - `restore FILE` asks on stderr and reads the answer from stdin unless
//     --yes; no answer is no.
//   - `backups` and `restore` also work when the database cannot be opened
//     (damaged, truncated, emptied): they are what the error points to.
//   - JSON is indented; "none" is null; names and texts are made inert.
//     The attention `text` is the promise's text, or for the other types a
//     fixed English phrase ("follow up with the client", "follow up on the
//     project", "prepare bid documents", "ask for the bid result").
//   - `search TEXT…`: every word must match (storage.Search); newest first,
//     20 hits unless --limit (1–1000), then a line saying there are more.
//     --kind takes client, note (any journal entry), task, promise, project,
//     in English or the run's language ("journal" is note). The text output
//     is date, kind (a journal entry's own: call, visit…), #id, client and
//     the snippet, after the field's name when the match is not in the
//     record's main text ("Phone: 138 0000 1234").
//   - `client show CLIENT [--last N]`: the latest 5 journal entries unless
//     --last (0: all); open promises only; the tasks ahead (undone, from
//     today or undated), as the planner's client detail.
//   - `journal list [CLIENT] [--on DATE] [--limit N]`: with a client, its
//     journal newest first; with --on, or with no client (today), that day's
//     entries in the order they happened (only the client's when one is
//     given). --on may be any date (it reads, it records nothing).
//   - `today --status`: "calls 3/30 · visits 12/20 · overdue 2 · attention
//     13"; overdue promises and attention are left out when zero.
//   - `today` (text) shows at most model.CarriedShown (20) carried-over
//     tasks, the most important first as the planner orders them
//     (DESIGN.md §5 v2), then "… and N more carried-over tasks (salesplan
//     today --all lists them)"; the heading counts every task. A person
//     back from three weeks away reads 20 lines, not 3,000, and only those
//     are read (storage.TodayTop; a neglected ten-year database: 20–25 ms
//     of CPU instead of 70–80). --all lists them all; --json, --short and
//     --status are unchanged (the whole list, the counts). The attention
//     list is shown whole: each item is a promise or a client to act on.
//     After the day's tasks, the inbox (open tasks with no date): the
//     first model.InboxShown (5), important first, then the oldest, and
//     "… and N more in the inbox"; --all lists it whole. --json has no
//     inbox: DESIGN.md §3 fixes its keys (TestTodayJSONKeys).
//   - `client list --due` reads the follow-up index (storage.DueClients):
//     the same rows as `client list` filtered by due, without decoding
//     every client (3,900 rows of the ten-year database: 18–24 ms instead
//     of 74–81 ms of CPU); --json decodes the due clients for their company
//     and phone.
//   - `sync [--dry-run]` (package davsync; README "Use with your phone"):
//     caldav.url and caldav.user are set with `config set` and kept with the
//     sync's state, not in the exchange document's settings; the password
//     comes from SALESPLAN_CALDAV_PASSWORD or <db name>.caldav-password
//     beside the database (0600, else refused). It prints one line per item
//     taken back from the phone, then a summary with the request count.
//
// Corrections (issue 15): `task edit|delete|postpone`, `journal
// edit|delete`, `client edit`. Each is one undoable action, and `salesplan
// undo` names it ("Undone: moving “Call 王总” (back to 28 Nov)").
//   - An edit changes only the fields whose flags were given (cobra's
//     Changed: `--phone ""` clears, a flag left out never touches its
//     field). The command reads the record and hands it and the edited copy
//     to the store's Edit*, which merges the changed fields onto the record
//     as stored, in one transaction: what another process changed meanwhile
//     survives, and the same field changed meanwhile refuses the edit ("…
//     was changed by another salesplan while this command ran; nothing was
//     saved: run it again"). No flag at all is bad usage (exit 2); values
//     equal to the stored ones say "Nothing changed" and write nothing.
//   - The confirmation is one line naming the record and what changed, with
//     the new value where it is short (a date, a kind, a name, yes/no); long
//     texts by name only. The edits take no --json: the list commands
//     (`journal list`, `client show`) show the result.
//   - `task edit`: `--date ""` (or none) moves the task to the inbox;
//     `--time ""`, `--client ""`, `--project ""` clear (a task whose time
//     is cleared keeps its part of the day); `--important=true|false`;
//     `--repeat` reads like quick-add (quickadd.ParseRepeat: `every 2w`,
//     `every other week`, `every mon`, `每周一`, `每两周`; `none` stops it).
//     A rule that names a weekday puts the task on that day: the first one
//     from its date (from today for a task carried over or in the inbox),
//     and a `--date` on another weekday is refused. A date before today is
//     allowed: the task is then carried over, as the model says. The
//     model's rules refuse a time or a repeat without a date.
//   - `task postpone ID`: the planner's `>` on today's list — the day after
//     the later of its date and today (a task carried over goes to
//     tomorrow). `--to DATE` must be today or later (earlier is `task edit
//     --date`); a done task is refused.
//   - `task delete ID`: a call, visit or meeting its completion recorded
//     stays in the journal, no longer linked (storage unlinks it in the same
//     transaction, so an export still imports).
//   - `journal edit ID [--text S] [--on DATE] [--kind K] [--project P]
//     [--client C]`: --on keeps the time of day and, like every --on,
//     refuses a date after today. --client (beyond DESIGN.md's list) turns
//     a prospect call into a client's call, or `--client ""` a call into a
//     prospect call; the model refuses a note, visit or meeting without a
//     client, a prospect call with a project, a note without text. An entry
//     that completing a task recorded stays linked to it whatever is edited,
//     and the task stays done.
//   - `journal delete ID`: the task whose completion recorded the entry
//     stays done (the line says so): deleting a call logged twice must not
//     reopen the task. The client's follow-up is worked out again.
//   - `client edit CLIENT`: every field of `client add`, `--key` or
//     `--regular` (not both: bad usage), `--cadence 0` for the tier's
//     default, `--archived=true|false`; CLIENT matches archived clients
//     too. `--name` loses zero-width and bidi characters (model.CleanName)
//     and is refused when nothing is left, or when another client has that
//     name in any case.
//   - Completion offers the task ids of today's list (today's and carried
//     over) with their titles to done and task edit|delete|postpone, today's journal entry ids with kind, client
//     and text (cut to 60 cells), and the values of --kind, --repeat,
//     --client and --project.
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
//	search --json:       {"kind" (client|note|task|promise|project),
//	                      "entry_kind" (a note's: note|call|visit|meeting, else
//	                      null), "id", "client_id", "client", "title" (the
//	                      record's name or title; null for a note), "date" (what the
//	                      hits are ordered by), "field", "snippet", "match"
//	                      (the matched text in the snippet)}
//	journal list --json: {"id", "kind", "date", "at" (RFC 3339), "client_id",
//	                      "client", "project", "text"}
//	client show --json:  {"id", "name", "tier", "company", "area", "phone",
//	                      "business", "needs", "decision_maker", "interests",
//	                      "referred_by", "cadence_days" (effective),
//	                      "created_on", "archived", "last_contact",
//	                      "next_followup", "due", "scheduled", "days_overdue",
//	                      "journal" (as journal list), "promises" (as promise
//	                      list, open ones), "projects" ({"id", "name", "stage",
//	                      "stage_since", "value", "bid_date"}), "tasks" ({"id",
//	                      "title", "kind", "date", "time", "important"})}
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
