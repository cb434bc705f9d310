#!/bin/sh
until psql "$DATABASE_URL" -c 'select 1'; do sleep 1; done
exec celery -A site worker
