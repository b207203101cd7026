//go:build !unix

package storage

import (
	"errors"
	"os"
)

// mapFile is not available here: verifyPages reads with ReadAt.
func mapFile(*os.File, int64) ([]byte, func(), error) {
	return nil, nil, errors.New("no memory map")
}
