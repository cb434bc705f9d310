/** acme/ledger: a Django app with LocMemCache by default and Redis on Render in production. */
export const ledgerFiles: Record<string, string> = {
  "requirements.txt": `Django==5.0.8
psycopg[binary]==3.2.1
django-redis==5.4.0
celery==5.4.0
gunicorn==22.0.0
`,
  ".python-version": "3.12\n",
  "ledger/settings/base.py": `import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-not-secret")
DEBUG = False

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "ledger.accounts",
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("POSTGRES_DB", "ledger"),
        "HOST": os.environ.get("POSTGRES_HOST", "localhost"),
    }
}
`,
  "ledger/settings/dev.py": `from .base import *  # noqa: F403

DEBUG = True
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    }
}
CELERY_TASK_ALWAYS_EAGER = True
`,
  "ledger/settings/prod.py": `import os

from .base import *  # noqa: F403

CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
    }
}
CELERY_BROKER_URL = os.environ["REDIS_URL"]
`,
  "docker-compose.yml": `services:
  db:
    image: postgres:15-alpine
    environment:
      POSTGRES_DB: ledger
      POSTGRES_HOST_AUTH_METHOD: trust
    ports:
      - "5432:5432"
`,
  "render.yaml": `services:
  - type: web
    name: ledger
    runtime: python
    buildCommand: pip install -r requirements.txt
    startCommand: gunicorn ledger.wsgi
    envVars:
      - key: DATABASE_URL
        fromDatabase:
          name: ledger-db
          property: connectionString
      - key: REDIS_URL
        fromService:
          type: redis
          name: ledger-cache
          property: connectionString
  - type: redis
    name: ledger-cache
    ipAllowList: []
databases:
  - name: ledger-db
    postgresMajorVersion: "16"
`,
  ".github/workflows/test.yml": `name: Tests
on: [pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install -r requirements.txt
      - run: python manage.py test --settings=ledger.settings.dev
`,
  "manage.py": `#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ledger.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
`,
};
