package store_test

import (
	"context"
	"testing"

	"github.com/testcontainers/testcontainers-go"
	"github.com/testcontainers/testcontainers-go/modules/postgres"
)

func TestStore(t *testing.T) {
	ctx := context.Background()
	pg, err := postgres.Run(ctx, "postgres:16-alpine", postgres.WithDatabase("store"))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Terminate(ctx)

	req := testcontainers.ContainerRequest{
		Image:        "nats:2.10",
		ExposedPorts: []string{"4222/tcp"},
	}
	_ = req
}
