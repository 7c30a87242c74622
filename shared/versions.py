"""The versions Callsheet reports: its own, Qt's and SQLite's.

One place for ``callsheet --version``, ``callsheet-api --version`` and Help ▸
About. Everything comes from package metadata and the ``sqlite3`` module, so
asking for the version loads no Qt (a headless ``callsheet-api`` may have none).
"""

from __future__ import annotations

import platform
import sqlite3
from importlib import metadata

DISTRIBUTION = "callsheet"
# Where PySide6 comes from: the parts the project installs, or the meta-package.
PYSIDE6_DISTRIBUTIONS = ("pyside6-essentials", "pyside6")
UNKNOWN = "not installed"


def app_info() -> tuple[str, str]:
    """The application's name and version from the package metadata.

    Briefcase writes a ``Formal-Name`` into the metadata of an installed app; a
    source checkout that was never installed says ``development``.
    """
    try:
        meta = metadata.metadata(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "Callsheet", "development"
    return meta.get("Formal-Name") or meta["Name"].capitalize(), meta["Version"]


def pyside6_version() -> str:
    """The installed PySide6's version, or ``not installed``."""
    for name in PYSIDE6_DISTRIBUTIONS:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return UNKNOWN


def qt_version() -> str:
    """The Qt inside PySide6: its version is PySide6's without a packaging suffix
    (PySide6 6.8.0.2 carries Qt 6.8.0)."""
    version = pyside6_version()
    return version if version == UNKNOWN else ".".join(version.split(".")[:3])


def versions() -> dict[str, str]:
    """Each component and its version, in the order they are shown."""
    name, version = app_info()
    qt = qt_version()
    return {
        name: version,
        "Qt": qt if qt == UNKNOWN else f"{qt} (PySide6 {pyside6_version()})",
        "SQLite": sqlite3.sqlite_version,
        "Python": platform.python_version(),
    }


def version_text() -> str:
    """``--version``'s answer: one component per line, e.g. ``SQLite 3.45.1``."""
    return "\n".join(f"{name} {version}" for name, version in versions().items())
