"""One call in full: what the journal shows, and the body Apollo posted."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from shared.errors import NotFound

from .context import DesktopContext


class CallDetailsDialog(QDialog):
    """Shows the JSON Apollo posted for ``call_id`` (read-only, non-modal)."""

    def __init__(self, ctx: DesktopContext, call_id: str, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(f"Call {call_id}")
        self.resize(620, 560)
        try:
            body = json.dumps(ctx.store.get_call_json(call_id), indent=2, ensure_ascii=False)
            intro = "The call as Apollo posted it:"
        except NotFound as e:
            body, intro = "", e.message
        label = QLabel(intro)
        text = QPlainTextEdit(body)
        text.setReadOnly(True)
        text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(text)
        layout.addWidget(buttons)
