"""One call in full: its facts in words, and the body Apollo posted behind a toggle."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from shared.call_summary import Line, describe
from shared.calls import parse_call
from shared.errors import CallsheetError, NotFound

from .context import DesktopContext
from .i18n import said, translate


class CallDetailsDialog(QDialog):
    """The call ``call_id`` in words (read-only, non-modal); "Show raw JSON" swaps in
    what Apollo posted, as it came."""

    def __init__(self, ctx: DesktopContext, call_id: str, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(translate("call_details", "Call {call_id}").format(call_id=call_id))
        self.resize(620, 600)
        self.lines: list[Line] = []
        body, intro = "", ""
        try:
            raw = ctx.store.get_call_json(call_id)
            body = json.dumps(raw, indent=2, ensure_ascii=False)
            row = ctx.store.get_call(call_id)
            contact = (row.contact_label if row.person_id or row.company_id
                       else translate("call_details",
                                      "none given (the number matched no contact)"))
            self.lines = describe(parse_call(raw.get("call", raw)), contact=contact,
                                  region=ctx.region)
        except NotFound as e:
            intro = said(e)
        except CallsheetError:
            # Stored by an older version in a shape this one no longer reads: the raw
            # body is still all there.
            intro = translate("call_details", "This call can only be shown as Apollo posted it:")
        self.intro = QLabel(intro)
        self.intro.setVisible(bool(intro))
        self.summary = self._summary(self.lines)
        self.raw = QPlainTextEdit(body)
        self.raw.setReadOnly(True)
        self.raw.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.raw_button = QPushButton(translate("call_details", "Show raw JSON"))
        self.raw_button.setCheckable(True)
        self.raw_button.setEnabled(bool(body))
        self.raw_button.toggled.connect(self._show_raw)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.raw_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.raw, 1)
        layout.addWidget(buttons)
        self._show_raw(not self.lines and bool(body))
        if not self.lines and body:
            self.raw_button.setChecked(True)
            self.raw_button.setEnabled(False)

    @staticmethod
    def _summary(lines: list[Line]) -> QScrollArea:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        section = None
        row = 0
        for line in lines:
            if line.section != section:
                section = line.section
                title = QLabel(said(section))
                title.setObjectName("sectionTitle")
                if row:
                    grid.setRowMinimumHeight(row, 8)
                    row += 1
                grid.addWidget(title, row, 0, 1, 2)
                row += 1
            label = QLabel(said(line.label))
            label.setObjectName("muted")
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            text = QLabel(said(line.text))
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(label, row, 0)
            grid.addWidget(text, row, 1)
            row += 1
        grid.setRowStretch(row, 1)
        scroll = QScrollArea()
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        return scroll

    def _show_raw(self, raw: bool) -> None:
        self.raw.setVisible(raw)
        self.summary.setVisible(not raw)
        self.raw_button.setText(
            translate("call_details", "Show details")
            if raw
            else translate("call_details", "Show raw JSON")
        )
