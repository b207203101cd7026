package storage

import bolt "go.etcd.io/bbolt"

// schemaVersion is the schema this build writes. Open refuses a database
// whose meta says a newer one (ErrNewerSchema) and runs migrate for an older.
const schemaVersion = 1

// migrate brings a database at version from up to schemaVersion inside the
// open transaction. OWNED BY the exchange/maintenance work: it becomes an
// ordered list of numbered steps, each with its own test.
func migrate(tx *bolt.Tx, from uint64) error {
	_ = tx
	_ = from
	return nil
}
