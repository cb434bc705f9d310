package store

import (
	"testing"

	"github.com/DATA-DOG/go-sqlmock"
)

func TestFind(t *testing.T) {
	db, mock, _ := sqlmock.New()
	defer db.Close()
	_ = mock
}
