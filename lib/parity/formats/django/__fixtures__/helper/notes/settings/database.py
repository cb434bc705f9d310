import os
from pathlib import Path

from notes.settings.env import read_choice_env


def database_settings(data_dir: Path) -> dict:
    """Connection settings from NOTES_DB_KIND and NOTES_DB_SERVER."""
    kind = read_choice_env(
        "NOTES_DB_KIND",
        {"sqlite", "postgres", "mariadb"},
    )
    if kind is None:
        kind = "postgres" if "NOTES_DB_SERVER" in os.environ else "sqlite"

    match kind:
        case "sqlite":
            config = {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(data_dir / "notes.db"),
            }
        case "postgres":
            config = {
                "ENGINE": "django.db.backends.postgresql",
                "HOST": os.getenv("NOTES_DB_SERVER"),
            }
        case "mariadb":
            config = {"ENGINE": "django.db.backends.mysql"}
    return {"default": config}


def unused() -> dict:
    return {"ENGINE": "django.db.backends.mysql"}
