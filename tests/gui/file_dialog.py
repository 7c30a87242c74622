"""Answer the next file dialog the way a person does: browse, then choose or cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit


def answer_file_dialog(choose: str | Path | None, *, browse: str | Path | None = None,
                       linger_ms: int = 0) -> dict[str, object]:
    """Wait for a modal QFileDialog; open ``browse`` in it in the detail view (so every
    entry gets an icon and a type) and let it list for ``linger_ms``; then type
    ``choose`` and accept, or cancel when it is None. Call before the action that opens
    the dialog; the returned dict gets ``"dialog"`` once one was answered."""
    seen: dict[str, object] = {}

    def act() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, QFileDialog):
            QTimer.singleShot(20, act)
            return
        seen["dialog"] = dlg
        seen["native"] = not dlg.testOption(QFileDialog.Option.DontUseNativeDialog)
        if browse is not None:
            dlg.setViewMode(QFileDialog.ViewMode.Detail)
            dlg.setDirectory(str(browse))

        def finish() -> None:
            if choose is None:
                dlg.reject()
            else:
                # Typed into the file name box, as a person does (selectFile leaves a
                # focused box alone).
                dlg.findChild(QLineEdit, "fileNameEdit").setText(str(choose))
                dlg.accept()

        QTimer.singleShot(linger_ms, finish)

    QTimer.singleShot(0, act)
    return seen
