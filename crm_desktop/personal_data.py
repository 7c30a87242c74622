"""Card ▸ Export personal data… and Erase personal data…: the desktop side of
``shared.privacy``, with the file and confirmation dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from shared import privacy, privacy_export, privacy_log
from shared.errors import CallsheetError

from . import file_dialogs
from .context import DesktopContext
from .erase_dialog import EraseDialog
from .i18n import said, translate


def export_personal_data(parent: QWidget, ctx: DesktopContext, person_id: str,
                         path: str | None = None) -> tuple[Path, Path] | None:
    """Write everything stored about a person to ``NAME.json`` and a readable ``NAME.html``
    beside it (the file dialog asks where); returns both paths, None when cancelled."""
    store = ctx.store
    if path is None:
        name = store.get_person(person_id).name
        safe = "".join(c if c.isalnum() else "-" for c in name).strip("-") or "person"
        # Qt's own dialog that never opens the files it lists (see file_dialogs).
        path, _ = file_dialogs.save_file_name(
            parent,
            translate("personal_data", "Export personal data"),
            Path.home() / f"personal-data-{safe}.json",
            translate("personal_data", "JSON (*.json)"),
            database=ctx.db_path,
        )
        if not path:
            return None
    out = Path(path)
    if out.suffix.lower() != ".json":
        out = out.with_name(out.name + ".json")
    html = out.with_suffix(".html")
    try:
        privacy_export.write_export(store, person_id, out, who=privacy_log.desktop_who(),
                             html_out=html)
    except (CallsheetError, OSError) as e:
        QMessageBox.warning(parent, translate("personal_data", "Export failed"), said(e))
        return None
    ctx.wrote()
    return out, html


def erase_personal_data(parent: QWidget, ctx: DesktopContext, person_id: str) -> bool:
    """Ask (with the reason) and erase the person's personal data; True when erased."""
    store = ctx.store
    person = store.get_person(person_id)
    if privacy.is_erased(store, person_id):
        QMessageBox.information(
            parent,
            translate("personal_data", "Erase personal data"),
            translate("personal_data", "This person's personal data was erased already."),
        )
        return False
    counts = privacy.erasure_counts(store, person_id)
    # A shared database has no privacy log file beside it: a restore does not erase again
    # by itself (README, "Erasure on a shared database").
    dlg = EraseDialog(person.name, counts, parent, shared=ctx.db_path is None)
    if dlg.exec() != EraseDialog.DialogCode.Accepted:
        return False
    try:
        privacy.erase_person(store, person_id, reason=dlg.reason,
                             who=privacy_log.desktop_who())
    except CallsheetError as e:
        QMessageBox.warning(parent, translate("personal_data", "Erase failed"), said(e))
        return False
    ctx.wrote()
    return True
