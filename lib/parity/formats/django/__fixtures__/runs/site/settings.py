import os

INSTALLED_APPS = ["django.contrib.auth"]

if "DATABASE_URL" in os.environ:
    DATABASES = {"default": dj_database_url.config()}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": "site.db",
        }
    }
