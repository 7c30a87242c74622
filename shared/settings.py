"""Where every setting comes from: a command-line flag, then an environment
variable, then the value stored in the database, then a default.

The same rules serve ``callsheet`` and ``callsheet-api``.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from .errors import ValidationError
from .storage.address import DbAddress, parse_address
from .texts import Text

if TYPE_CHECKING:
    from .store import Store

APP_NAME = "Callsheet"
API_KEY = "api_key"


@dataclass(frozen=True)
class Setting:
    """One setting: its stored key, environment variable and default."""

    key: str
    env: str
    default: str | None
    label: str


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("host", "CALLSHEET_HOST", "127.0.0.1", "API address"),
        Setting("port", "CALLSHEET_PORT", "8765", "API port"),
        Setting(API_KEY, "CALLSHEET_API_KEY", None, "API key"),
        Setting("region", "CALLSHEET_REGION", "DE", "Default phone region"),
        Setting("backup_keep", "CALLSHEET_BACKUP_KEEP", "7", "Daily backups kept"),
    )
}


@dataclass(frozen=True)
class Resolved:
    """A setting's value and where it came from (``flag``, ``env``, ``stored``, ``default``)."""

    value: str | None
    origin: str


def default_db_path() -> Path:
    """The database in the user data directory (``~/.local/share/Callsheet`` on Linux)."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_NAME)) / "callsheet.db"


def resolve_db_path(flag: str | None = None) -> DbAddress:
    """The database: ``--db``, else ``CALLSHEET_DB``, else the file in the user data
    directory. A file path is a SQLite file (a Path); a ``postgresql://`` URL is a
    PgUrl; any other URL raises BadDatabaseAddress."""
    if flag:
        return parse_address(flag)
    env = os.environ.get("CALLSHEET_DB")
    if env:
        return parse_address(env)
    return default_db_path()


def resolve(key: str, flag: str | None, store: Store | None) -> Resolved:
    """A setting's value by precedence: flag, environment, stored, default."""
    setting = SETTINGS[key]
    if flag is not None and flag != "":
        return Resolved(str(flag), "flag")
    env = os.environ.get(setting.env)
    if env:
        return Resolved(env, "env")
    if store is not None:
        stored = store.get_setting(key)
        if stored is not None:
            return Resolved(stored, "stored")
    return Resolved(setting.default, "default")


def user_name(store: Store | None = None) -> str:
    """Who is at this desk: "Your name" from this PC's settings (File > Settings > This
    PC; per PC, so one shared database serves a whole office), else the operating
    system's login name. Notes and personal to-dos carry it as author and owner."""
    from .model import desktop_person

    name = (desktop_person() or "").strip()
    if name:
        return name
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "me"


def check_port(value: str | int | None) -> int:
    """A TCP port number 1-65535 (0 asks the system for a free one)."""
    try:
        port = int(str(value))
    except ValueError:
        raise ValidationError(Text(
                "The port must be a number from 1 to 65535, got {value!r}.", value=value),
                              field="port") from None
    if not 0 <= port <= 65535:
        raise ValidationError(Text(
                "The port must be a number from 1 to 65535, got {port}.", port=port),
                              field="port")
    return port


def check_backup_keep(value: str | int | None) -> int:
    """How many daily backups to keep: a whole number from 0 (none made) to 365."""
    try:
        keep = int(str(value))
    except ValueError:
        raise ValidationError(Text(
                "Daily backups kept must be a number from 0 to 365, got {value!r}.", value=value),
                              field="backup_keep") from None
    if not 0 <= keep <= 365:
        raise ValidationError(Text(
                "Daily backups kept must be a number from 0 to 365, got {keep}.", keep=keep),
                              field="backup_keep")
    return keep


def new_api_key() -> str:
    """A fresh API key: 32 random bytes, URL-safe."""
    return secrets.token_urlsafe(32)


def ensure_api_key(store: Store) -> tuple[str, bool]:
    """The stored API key, created on first use; returns ``(key, created)``."""
    key = store.get_setting(API_KEY)
    if key:
        return key, False
    key = new_api_key()
    store.set_setting(API_KEY, key)
    return key, True


def rotate_api_key(store: Store) -> str:
    """Replace the stored API key; a running server refuses the old one at once."""
    key = new_api_key()
    store.set_setting(API_KEY, key)
    return key
