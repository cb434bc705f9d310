#!/bin/sh
set -e
# psql is only used to wait for the server
echo "waiting for psql"
until pg_isready -d "$DATABASE_URL"; do
  sleep 1
done
exec "$@"
