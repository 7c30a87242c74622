"""Settings that belong to this PC, not to the database: which database to open, whether
to serve the API and pop caller cards here, and who sits at it.

They cannot live in the database (they say which database that is), so they go to a
small JSON file in the user's configuration folder. The shared database's password is
never written here: `shared.pgpass` gives it to libpq's own password file.
"""

from __future__ import annotations

import getpass
import json
import os
import platform
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Literal
from urllib.parse import quote, urlencode

import platformdirs

from .settings import APP_NAME

SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
DEFAULT_PG_PORT = 5432


def config_path() -> Path:
    """This PC's settings file (``~/.config/Callsheet/this-pc.json`` on Linux)."""
    return Path(platformdirs.user_config_dir(APP_NAME, APP_NAME)) / "this-pc.json"


def os_user() -> str:
    """The operating system's name for the person logged in ("" when unknown)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def pc_name() -> str:
    """This computer's network name."""
    return platform.node() or "this PC"


@dataclass
class LocalSettings:
    """This PC's choices. ``database`` is ``local`` (a SQLite file on this PC) or
    ``shared`` (a PostgreSQL server the office shares)."""

    database: Literal["local", "shared"] = "local"
    host: str = ""
    port: int = DEFAULT_PG_PORT
    dbname: str = "callsheet"
    user: str = ""
    sslmode: str = "prefer"
    # On a shared database the office's API service serves Apollo; a desktop serves the API
    # too only when asked. On a single PC the desktop always serves it, as before.
    serve_api: bool = False
    pop_cards: bool = True
    your_name: str = ""
    # The desktop's language: "" follows the operating system, else "en" or "de".
    language: str = ""

    @property
    def shared(self) -> bool:
        return self.database == "shared"

    def person(self) -> str:
        """Who is at this desktop, for the audit trail: the name given, else the OS user."""
        return self.your_name.strip() or os_user()

    def shared_url(self) -> str:
        """The shared database as a libpq URL, without a password (libpq finds it in its
        password file, or in PGPASSWORD)."""
        host = self.host.strip()
        netloc = quote(self.user.strip(), safe="") + "@" if self.user.strip() else ""
        netloc += f"[{host}]" if ":" in host else host
        netloc += f":{self.port}"
        query = urlencode({"sslmode": self.sslmode}) if self.sslmode != "prefer" else ""
        return f"postgresql://{netloc}/{quote(self.dbname.strip(), safe='')}" + (
            f"?{query}" if query else "")

    # -- the file -------------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path | None = None) -> LocalSettings:
        """The settings saved on this PC; defaults for a missing or unreadable file (a
        broken file must not keep Callsheet from starting)."""
        path = path or config_path()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        known = {f.name: f for f in fields(cls)}
        values = {}
        for name, value in data.items():
            if name not in known:
                continue  # a newer version's setting, or the password someone added by hand
            default = getattr(cls(), name)
            if isinstance(default, bool):
                values[name] = bool(value)
            elif isinstance(default, int):
                try:
                    values[name] = int(value)
                except (TypeError, ValueError):
                    continue
            else:
                values[name] = str(value)
        settings = cls(**values)
        if settings.database not in ("local", "shared"):
            settings.database = "local"
        if settings.sslmode not in SSL_MODES:
            settings.sslmode = "prefer"
        return settings

    def save(self, path: Path | None = None) -> Path:
        """Write the settings (owner-only, replaced in one step); returns the file."""
        path = path or config_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".this-pc-", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(asdict(self), f, indent=2)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path
