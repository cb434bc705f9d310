def legacy() -> dict:
    kind = os.getenv("LEGACY_DB", "sqlite")
    if kind == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3"}
