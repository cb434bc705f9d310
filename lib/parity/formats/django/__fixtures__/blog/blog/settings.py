import os

import dj_database_url

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET_KEY = os.environ.get("SECRET_KEY", "dev")

INSTALLED_APPS = ["django.contrib.admin", "blog.posts"]

DATABASES = {
    "default": dj_database_url.config(default="sqlite:///" + os.path.join(BASE_DIR, "db.sqlite3"), conn_max_age=600),
}

DEFAULT_FILE_STORAGE = "django.core.files.storage.FileSystemStorage"
# CACHES is left to Django's default.
