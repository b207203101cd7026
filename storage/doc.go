// Package storage is salesplan's bbolt store: buckets, indexes, the record
// codec, one method per user action (each one transaction), undo, views.
//
// The file is opened only while a transaction runs (Store.update / Store.view
// open it with a bounded lock wait and close it after), so the planner and
// the command line work side by side.
//
// # Bucket tree
//
// Integers are big-endian; id = 8 bytes (model.ID, from the bucket's
// NextSequence); date = 4 bytes (model.Date day number, 0 = none, sorts
// first); at = 8 bytes (Unix nanoseconds with the sign bit flipped, so
// earlier sorts first); record = envelope [1 byte version 2][4 bytes CRC-32
// of the rest][8 bytes revision][JSON of the model type] (codec.go; version
// 1, without the revision, is still read as revision 0). A record's
// revision is the meta revision of the transaction that last wrote it.
//
//	meta
//	├── schema         → uint64 schema version (schemaVersion in migrate.go)
//	├── index_version  → uint64 index encoding (indexVersion in buckets.go; older = rebuilt at Open)
//	├── revision       → uint64, +1 per write transaction (the planner polls it)
//	├── manual_backups → JSON list of remembered backup FILE paths (backup.go)
//	├── settings       → record model.Settings (absent = defaults)
//	└── undo_rev       → uint64, the revision after the latest action or undo in the log
//	undo         seq → envelope of one action's before/after images (undo.go),
//	                    the newest last, at most 50
//	clients      id → record model.Client
//	tasks        id → record model.Task
//	journal      id → record model.JournalEntry
//	promises     id → record model.Promise
//	projects     id → record model.Project
//	idx                                    index buckets, all rebuilt by reindex
//	├── task_date        date|id → ""                       every task (date 0 = inbox)
//	├── task_open        date|id → kind|client id|flags     undone tasks (carry-over: seek below today;
//	│                                                          the inbox: the date-0 entries, read by
//	│                                                          Today for the Day's Inbox section);
//	│                                                          flags 1 = important (schema 4: TodayTop
//	│                                                          picks the carried-over and inbox tasks
//	│                                                          shown first)
//	├── task_client      client|date|id → kind              undone tasks with a client ("scheduled")
//	├── task_done        done date|id → date|important(1)   done tasks (the day's record; a past
//	│                                                          day's important tasks done since)
//	├── journal_client   client|at|id → kind                entries with a client (client timeline)
//	├── journal_date     date|at|id → kind|client|project   every entry, prospect calls (client 0) too
//	│                                                          (calls/visits per day; week/month read
//	│                                                          contacts from it)
//	├── journal_project  project|at|id → kind               entries linked to a project
//	├── contact_client   client|date|id → ""                contacts with a client (last contact =
//	│                                                          reverse seek; a prospect call resets none)
//	├── contact_project  project|date|id → ""               contacts linked to a project
//	├── promise_status   status|due|id → ""                 status 'o' open, 'k' kept, 'x' cancelled
//	├── promise_client   client|id → status
//	├── promise_made     made date|id → ""
//	├── promise_kept     kept date|id → ""                  kept promises only
//	├── promise_cancelled cancelled date|id → ""            cancelled promises with a date (v2)
//	├── project_stage    stage|id → ""                      stage = position in model.Stages
//	├── project_client   client|id → ""
//	├── project_name     namekey → id                       unique, exact/prefix lookup by Seek
//	├── stage_move       date|project|seq(2) → from|to|first   one per stage-history entry;
//	│                                                          from 0xff = none; first = 1 on the
//	│                                                          project's first entry into contract
//	├── project_signed   signed date|project → value(8)     signed projects (model Project.Signed:
//	│                                                          signed_on, else first entry into
//	│                                                          contract); signed sales sum from it
//	├── bid_date         date|project → stage               projects with a bid date (Month's bid and
//	│                                                          papers-due markers, review's next week)
//	├── client_name      namekey → id                       unique, exact/prefix lookup by Seek
//	├── client_due       due|client → tier|cadence(2)|created|last contact|name
//	│                                                   non-archived clients by follow-up due date
//	│                                                   (before "scheduled"); tier 'k' or 'r'
//	├── client_due_rev   client → due                       where a client's client_due entry is
//	│                                                          (task_client's first call/visit/meeting
//	│                                                          from today says scheduled or booked)
//	├── client_due_key   due|client → as client_due          key clients' client_due entries (schema 4):
//	│                                                          Today lists these
//	├── client_due_count 'd'|due → uint32, 'm'|month's first day → uint32
//	│                                                   regular clients falling due that day / month
//	│                                                   (schema 4): Today counts the due ones from at
//	│                                                   most ~150 entries; both kept by refreshClientDue
//	├── client_label     client → name                      names for lists without decoding clients
//	├── client_card      client → tier|area                 tier 'k' or 'r'; a day's rows (star, visits
//	│                                                          by area) without decoding clients
//	├── project_label    project → name
//	├── project_live     project → stage|stage since|bid date|client id|value(8)|
//	│                                  client name length(2)|client name|project name
//	│                                                  live projects only (Today reads these)
//	└── search           token|0x00|period(2) → postings   full-text search (search.go,
//	                                                   "Search" below)
//
// The CalDAV sync keeps its state in its own bucket (syncstate.go), created
// by the first sync, outside the exchange document and the indexes:
//
//	sync
//	├── config → record SyncConfig      caldav.url, caldav.user (never a password)
//	├── meta   → record SyncMeta        database id in UIDs, calendar, sync token,
//	│                                   last result
//	├── items    kind|id → record SyncItem   one per published item: UID, href,
//	│                                        ETag, hash of what was sent, start
//	│                                        sent, client, last seen
//	└── changed  kind|id → at           when an action here last changed a
//	                                    published task or promise (act and Undo
//	                                    write it; a conflict goes to the later change)
//
// kind is 't' task, 'p' promise, 'b' bid date, 'd' papers due (project id).
//
// An index bucket missing at Open (one added by a newer build of the same
// schema) makes Open rebuild every index; when search is the only one
// missing (a database from before search), only it is built. namekey is
// model.NameKey (case, runs of spaces, zero-width and bidi characters
// folded, so look-alikes are one name); a look-alike stored before they
// were refused is held apart as namekey|0x00|id (index.go), so an old file
// opens and lists both.
//
// kind is one byte: journal 'n' note, 'c' call, 'v' visit, 'm' meeting; tasks
// 'c', 'v', 'm', 't' todo.
//
// # Files
//
// As in containerd's core/metadata, each kind of record keeps together its
// validation, its record reading and writing, its index entries and its
// operations and views:
//
//	clients.go   client_name, client_label, client_card, client_due(_rev)
//	tasks.go     task_date, task_open, task_client, task_done; repeat generation;
//	             completing links the day's contact (one contact, once)
//	journal.go   journal_*, contact_*; last contact
//	promises.go  promise_*
//	projects.go  project_*, stage_move, bid_date; project detail
//	settings.go  meta/settings; settingsFor resolves the holiday calendar with
//	             the reader's language (SetLanguage)
//	search.go    search (postings, query, snippets); each kind's searchable
//	             fields are in its own file (clientSearch, taskSearch, …)
//
// and what they share:
//
//	buckets.go   bucket and index names, ix/rb
//	codec.go     record envelope, key encodings
//	records.go   get/put by id, reference checks
//	index.go     apply, reindex, indexDrift, range scans, name lookups
//	store.go     open, preflight, fault containment, transactions, locks
//	pages.go     the bbolt page structure checked with ReadAt (preflight, verifyPages)
//	verified.go  the verified state recorded beside the file across processes
//	fastjson.go  the fast path decoding the views' record kinds (else encoding/json)
//	files.go     files written for the person (checkTarget, WriteOutput, atomicWrite;
//	             a dead writer's scratch beside the target goes at the next write there)
//	undo.go      act/recorder, the undo log in the database, Undo
//	revision.go  edits against the record as stored: the three-way field
//	             merge, ConflictError ("changed elsewhere since you opened it")
//	restorelock.go  restore under the database's lock; openCurrent (the
//	             path still names the locked file); scratch files by pid
//	filelock_unix.go, filelock_windows.go  the file lock as bbolt takes it
//	views.go     Today, Week, Month; namer (labels without decoding)
//	review.go    the weekly review
//	report.go    the month's review (quarter to date) and the day's record
//	migrate.go   schema migrations
//	backup.go    backup, automatic backups, restore
//	check.go     check
//	exchange_document.go  Document, JSON export
//	exchange_decode.go    DecodeDocument (errors naming record and field)
//	exchange_validate.go  Document.Validate
//	exchange_import.go    import through a staging file, merge
//	exchange_csv.go, exchange_ics.go  the other formats
//	syncstate.go the CalDAV sync's state and ApplySync (bucket sync, above)
//
// # Helpers for the rest of the package (stable names)
//
// Transactions: (*Store).update(fn) (write + revision bump), view(fn),
// write(fn, bump), dryRun(fn) (write tx always rolled back), act(code, fn)
// (a user action recorded for undo).
//
// Records: encodeRecord(v), decodeRecord(what, raw, &v) (codec.go);
// getRecord, putRaw, checkRefs(tx, client, project) (records.go);
// per kind, in its file: getClient, getTask, getEntry, getPromise,
// getProject (tx, id); putClient, putTask, putEntry, putPromise, putProject
// (tx, *record): assign an id when 0 (or raise the sequence to an imported
// id), replace the previous version and move its index entries, all in the
// caller's tx (putClient and putProject refuse a name another record has,
// any case: "duplicate_client" / "duplicate_project" Problems);
// deleteClient, deleteTask, deleteEntry, deletePromise, deleteProject (tx,
// id); readSettings(tx), putSettings(tx, st).
//
// Indexes: each kind's entries are built by taskIndex, entryIndex,
// promiseIndex, projectIndex (tx, *record, add) as a list of ixOp applied
// by apply, or written by putClient; reindexClients … reindexProjects
// rebuild one kind. reindex(tx) drops and rebuilds every index;
// indexDrift(tx) lists the differences between the maintained and rebuilt
// indexes (run it under dryRun); refreshClientDue(tx, id, st),
// refreshAllClientDue(tx), relabelLiveProjects(tx, client); ensureBuckets(tx);
// isEmpty(tx). The client_due and project_live values are summaries:
// dueState and liveState turn them into model.ClientState /
// model.ProjectState.
//
// Validation: the rules are model's, one Validate per kind (model/
// validate.go), the same for the operations and import. validateClient(*c),
// validateTask, validateEntry, validatePromise, validateProject (tx,
// *record), validateSettings(*st) call it and add what needs the database
// (references exist; a journal entry's moment defaults to now). Every
// action's put goes through the recorder, which validates first;
// Document.Validate runs the same Validate per record. Errors are
// *model.Problem naming the field (Problem.Field), or for an import a
// *ValidationError whose Why is that Problem: model.Explained, the one
// vocabulary ui/i18n's Lang.Err translates.
//
// # Search (DESIGN.md §6 "(v2) Search")
//
// An inverted index in the same file, written by each kind's put and
// delete in the record's transaction (searchReplace), rebuilt in one sorted
// pass by reindex and by import (reindexSearch), compared by indexDrift and
// check like every index, and built at Open for a database from before
// search (the missing-bucket path; reindexMissing builds only it). Tokens:
// every word folded (lower case, full-width as ASCII), and for CJK runs
// every pair of neighbouring characters plus the run's last character and
// 0x01. A query word is looked up as a prefix of the words ("quot" finds
// "quotation"); a CJK term of two or more characters is the intersection
// of its pairs, then checked against the text; one character is every
// token that starts with it. Postings are grouped per token and 32-day
// period into one value ([date&31][kind][uvarint id], newest first), so a
// cursor walks a token newest first and the index costs 11 MiB, not ~80 MiB
// for a key per posting. Streams of the terms are joined leapfrog style,
// candidates decoded, checked and cut into snippets until the limit.
//
// Measured on the ten-year database (demo --scale 1, 162k records, 1.8M
// postings), on the shared 2-core machine at load 12–14, best of three
// runs of 200 (BenchmarkSearchTenYear: open, one read transaction, close):
// 高考 in one 2018 note 0.07 ms; 明年高考 0.08 ms; 报价, thousands of hits,
// newest 20: 0.6 ms; 王 (one character) 0.65 ms; quot 0.46 ms; q 0.43 ms;
// two terms 0.35 ms; --kind project over every 报价 posting 0.48 ms; no
// match 0.05 ms; the worst single run of any of them 2.6 ms. The whole
// command (`salesplan search 高考`, process start to exit) 7–9 ms. Costs:
// the file grows 65.7 → 76.8 MiB (108k keys in 2,829 leaf pages); a note's
// index entries take 125 µs of CPU and make its commit write 57 pages
// instead of 20 (bbolt TxStats); the one-pass build takes 2.1 s of CPU for
// the ten-year database (once, at the first open by this version; import
// builds it too: demo --scale 1 takes 5.0 s of CPU instead of 2.7 s).
//
// Against bleve v2.6.3 with its CJK analyzer (scorch, the same records and
// queries, measured the same way: bench/searchcmp): build 48–57 s into a
// 58.7 MiB directory beside the file; 0.7–1.3 ms for a rare word but 17–26
// ms for words in thousands of records (报价, quot, q, 确认 报价) sorted
// newest first (it collects and sorts every hit); 王 finds nothing (the CJK
// analyzer emits unigrams only for lone characters); importing it costs
// every command 1.2 MB and 26,500 allocations of package init (salesplan's
// whole init is 233 KB and 843; the start-up budget is 512 KB) and 18.7 MB
// of binary; and a second store cannot share the record's transaction,
// backup, restore, lock or check. So the index lives here.
//
// # Safety (DESIGN.md §6 "Known traps", "(v2) Files the program writes or is pointed at")
//
//   - Every open has Options.Timeout (Options.LockTimeout, default 2s): a lock
//     held longer is ErrLocked ("db_locked"), never a hang. The lock is on
//     the file the path names: if a restore or an import renamed another
//     file over the path while the open waited, the path is opened again.
//   - Before bbolt sees the file: Open refuses a file without the bbolt magic
//     (ErrNotBolt, file untouched) and a 0-byte or bucket-less file while
//     backups exist (ErrDamaged, "db_emptied"); every open (preflight) checks
//     the meta bbolt will open on against the file (page size, pages in use,
//     root, freelist), the root bucket page (buckets only) and the freelist
//     page with ReadAt (pages.go), and refuses what is wrong: bbolt would
//     otherwise read outside its memory map, which faults.
//   - Fault containment: every transaction and bbolt's open run under
//     runtime/debug.SetPanicOnFault with a recover (contain); a fault
//     (SIGSEGV/SIGBUS on a damaged page id or size) or a bbolt panic becomes
//     ErrDamaged naming the backup directory (BackupDir), and the faulted
//     transaction's file is closed to release the lock (abandon).
//   - A Store walks the whole page structure (verifyPages: page ids and
//     element sizes within the file, no page reached twice, no free page in
//     use, keys strictly increasing in each page and within the bounds of
//     their parent branch — a flipped bit in a key, which bbolt's Check
//     reports as "needs to be > than previous element", refuses the write
//     as damage; the key check took BenchmarkVerifyPages on the ten-year
//     file from 24–41 ms to 44–48 ms, same machine, alternating runs,
//     shared 2 CPUs) before a write unless the file is exactly as a salesplan write
//     from a verified state left it (verified.go: device, inode, size,
//     modification and change times, meta transaction id, recorded in
//     .<db>.verified after each commit, the modification time set to a
//     mark no later write can give): a write is never made on a damaged
//     structure, and a command-line write on a ten-year file no longer
//     pays 40–60 ms for the walk. check walks it before bbolt's Check,
//     whose goroutine no fault containment reaches; restore and the
//     automatic backups' verification too (the latter with every record's
//     checksum, without bbolt's Check or the JSON decoding: 0.55 → 0.15 s
//     on the ten-year file, quiet machine).
//   - Each record carries a CRC-32 and is at most 16 MiB: a flipped byte or
//     size is ErrCorrupt ("record_damaged"), never silently wrong data.
//   - A flipped key that keeps the keys in order passes the page walk. A
//     record says its own id: one read under another key, or a missing id
//     whose neighbour in key order is such a record (getIn: two more
//     reads, only when the id is missing), is ErrCorrupt
//     ("record_misfiled"), so `done 3` never completes task 4; a list or
//     view that follows an index to a record that is not there
//     (viewIndexed) is ErrCorrupt ("index_damaged"), never "there is no
//     task 99"; both point at check.
//   - Files written for the person (export -o, backup FILE, restore) are
//     only a regular file or a new path, never the database, its backups or
//     scratch files, through any link (checkTarget: ErrUnsafeTarget).
//   - A wider file mode is narrowed at Open (group and other bits removed,
//     nothing added: 0444 becomes 0400) and reported by Notice; a change
//     to a file whose owner has no write bit is refused (db_file_read_only),
//     root included.
//
// # Undo
//
// act records the before- and after-image of every record an action
// touches in the undo log, in the action's own transaction: the log is in
// the database, so the planner and the command line undo each other's
// actions. Undo checks that each record is still as the action left it
// (else ErrChanged) and puts the before-images back through the put/delete
// helpers in one transaction, so the indexes follow. Codes: Act* in undo.go.
// DeleteTask also unlinks (task_id 0) the journal entries its completion
// recorded, found in the task's client's timeline and on its done day, so
// no entry names a task that is gone; undo links them again.
package storage
