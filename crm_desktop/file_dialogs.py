"""File dialogs that never open the files they list.

SQLite's locks on the database are POSIX record locks, and those belong to
the process: when any code in it opens and closes the database file (or its
``-wal``/``-shm``), the kernel drops every lock the process holds on that
file. The next program to close its own connection then thinks it is the
last one and deletes the WAL, with acknowledged calls in it, under the
running app (issue 10). Qt's file dialog does exactly that: to choose an
icon and a "Type" for each entry it sniffs the file's content (QMimeDatabase
reads files whose name does not settle the type, such as ``callsheet.db-wal``).
A platform's native dialog (GTK in-process) sniffs as well.

So every dialog here is Qt's own (never native) with an icon provider that
decides by "folder or file" alone, and a choice of one of the database's
own files is refused.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QMessageBox, QWidget

from shared.database import is_database_file

from .i18n import translate

_IconType = QAbstractFileIconProvider.IconType


class PlainIcons(QFileIconProvider):
    """Icons and types from the directory entry alone: never reads a file's content."""

    def icon(self, what: object) -> QIcon:  # type: ignore[override]
        if isinstance(what, _IconType):
            return super().icon(what)
        return super().icon(_IconType.Folder if what.isDir() else _IconType.File)  # type: ignore[attr-defined]

    def type(self, info: object) -> str:  # type: ignore[override]
        return "Folder" if info.isDir() else "File"  # type: ignore[attr-defined]


# One provider for every dialog: the dialog does not take ownership of it.
_ICONS: PlainIcons | None = None


def make_dialog(parent: QWidget | None, caption: str, directory: str | Path,
                filters: str) -> QFileDialog:
    """A Qt file dialog that lists files without opening them."""
    global _ICONS
    if _ICONS is None:
        _ICONS = PlainIcons()
    dlg = QFileDialog(parent, caption, str(directory), filters)
    dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dlg.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
    dlg.setIconProvider(_ICONS)
    return dlg


def _chosen(dlg: QFileDialog, database: Path | None) -> tuple[str, str]:
    if dlg.exec() != QFileDialog.DialogCode.Accepted or not dlg.selectedFiles():
        return "", ""
    path = dlg.selectedFiles()[0]
    if database is not None and is_database_file(path, database):
        QMessageBox.warning(
            dlg.parentWidget(),
            dlg.windowTitle(),
            translate(
                "file_dialogs",
                "{path} is a file of Callsheet's database, which is in use; choose another file.",
            ).format(path=path),
        )
        return "", ""
    return path, dlg.selectedNameFilter()


def open_file_name(parent: QWidget | None, caption: str, directory: str | Path, filters: str,
                   *, database: Path | None = None) -> tuple[str, str]:
    """Ask for an existing file: ``(path, chosen filter)``, or ``("", "")`` when cancelled
    (or when the choice is one of ``database``'s files)."""
    dlg = make_dialog(parent, caption, directory, filters)
    dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
    dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return _chosen(dlg, database)


def save_file_name(parent: QWidget | None, caption: str, suggested: str | Path, filters: str,
                   *, database: Path | None = None) -> tuple[str, str]:
    """Ask where to save: ``(path, chosen filter)``, or ``("", "")`` when cancelled (or
    when the choice is one of ``database``'s files)."""
    dlg = make_dialog(parent, caption, suggested, filters)
    dlg.setFileMode(QFileDialog.FileMode.AnyFile)
    dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    return _chosen(dlg, database)
