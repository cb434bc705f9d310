import os
from pathlib import Path

from notes.settings.database import database_settings

INSTALLED_APPS = ["django.contrib.auth", "notes"]

DATA_DIR = Path(os.getenv("NOTES_DATA_DIR", "/var/lib/notes"))

DATABASES = database_settings(DATA_DIR)
