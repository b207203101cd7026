package storage

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Bucket and key names; doc.go draws the tree. Names are part of the file
// format: never rename one without a migration.
var (
	bMeta     = []byte("meta")
	bClients  = []byte("clients")
	bTasks    = []byte("tasks")
	bJournal  = []byte("journal")
	bPromises = []byte("promises")
	bProjects = []byte("projects")
	bIndex    = []byte("idx")

	kSchema   = []byte("schema")
	kRevision = []byte("revision")
	kSettings = []byte("settings")
	// kIndexVersion: the version of the index keys' encoding (indexVersion);
	// an older one makes Open rebuild every index, as a missing index
	// bucket does. Not a schema change: the records are as they were.
	kIndexVersion = []byte("index_version")

	ixTaskDate       = []byte("task_date")
	ixTaskOpen       = []byte("task_open")
	ixTaskClient     = []byte("task_client")
	ixJournalClient  = []byte("journal_client")
	ixJournalDate    = []byte("journal_date")
	ixJournalProject = []byte("journal_project")
	ixContactClient  = []byte("contact_client")
	ixContactProject = []byte("contact_project")
	ixPromiseStatus  = []byte("promise_status")
	ixPromiseClient  = []byte("promise_client")
	ixPromiseMade    = []byte("promise_made")
	ixPromiseKept    = []byte("promise_kept")
	ixProjectStage   = []byte("project_stage")
	ixProjectClient  = []byte("project_client")
	ixProjectName    = []byte("project_name")
	ixStageMove      = []byte("stage_move")
	ixBidDate        = []byte("bid_date")
	ixClientName     = []byte("client_name")
	ixClientDue      = []byte("client_due")
	ixClientDueRev   = []byte("client_due_rev")
	ixClientLabel    = []byte("client_label")
	ixClientCard     = []byte("client_card")
	ixProjectLabel   = []byte("project_label")
	ixProjectLive    = []byte("project_live")
	// Added by the work plan's rules (schema 2).
	ixProjectSigned    = []byte("project_signed")
	ixPromiseCancelled = []byte("promise_cancelled")
	ixTaskDone         = []byte("task_done")
	// Search (issue 15): search.go.
	ixSearch = []byte("search")
	// The follow-up summary (schema 4, clients.go): Today reads key
	// clients and counts regular ones without walking client_due.
	ixClientDueKey   = []byte("client_due_key")
	ixClientDueCount = []byte("client_due_count")
)

var (
	recordBuckets = [][]byte{bClients, bTasks, bJournal, bPromises, bProjects}
	recordKinds   = []string{"client", "task", "entry", "promise", "project"} // as errors name them, by recordBuckets
	rootBuckets   = [][]byte{bMeta, bClients, bTasks, bJournal, bPromises, bProjects, bIndex}
	indexBuckets  = [][]byte{ixTaskDate, ixTaskOpen, ixTaskClient, ixJournalClient, ixJournalDate,
		ixJournalProject, ixContactClient, ixContactProject, ixPromiseStatus, ixPromiseClient,
		ixPromiseMade, ixPromiseKept, ixProjectStage, ixProjectClient, ixProjectName, ixStageMove,
		ixBidDate, ixClientName, ixClientDue, ixClientDueRev, ixClientLabel, ixClientCard, ixProjectLabel, ixProjectLive,
		ixProjectSigned, ixPromiseCancelled, ixTaskDone,
		ixSearch,
		ixClientDueKey, ixClientDueCount}
)

// indexVersion is the index encoding this build writes. 2: the unique-name
// indexes key by model.NameKey (zero-width and bidi characters and runs of
// spaces folded; look-alikes held apart). 3: task_done's value holds the
// task's date and important flag (the day's record). 4: NameKey also
// leaves out characters that draw nothing by themselves (variation
// selectors, tag characters, Hangul fillers, the braille blank).
const indexVersion = 4

// ix returns an index bucket; a missing one means a damaged or foreign file.
func ix(tx *bolt.Tx, name []byte) *bolt.Bucket {
	if idx := tx.Bucket(bIndex); idx != nil {
		if b := idx.Bucket(name); b != nil {
			return b
		}
	}
	panic(fmt.Sprintf("salesplan: index bucket %s missing", name))
}

// rb returns a record bucket (see ix about missing ones).
func rb(tx *bolt.Tx, name []byte) *bolt.Bucket {
	if b := tx.Bucket(name); b != nil {
		return b
	}
	panic(fmt.Sprintf("salesplan: bucket %s missing", name))
}

var empty = []byte{}
