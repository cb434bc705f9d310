#!/usr/bin/env bash
set -euo pipefail
export DJANGO_SETTINGS_MODULE=app.settings.ci
python manage.py migrate
python -m pytest -x
