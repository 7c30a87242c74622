"""The lookup tester: type a number and see what Apollo's search would answer, and why.

Office staff use it to fix "the screen pop didn't find them" themselves: it
shows the E.164 number Apollo sends, the match (and on which field), the
switchboard rule, or the nearest stored numbers when nothing matches.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shared import phones
from shared.errors import ValidationError
from shared.model import ContactView
from shared.store import PhoneMatch

from .context import DesktopContext
from .formatting import phone
from .i18n import said, translate
from .style import themed
from .widgets import heading

DEBOUNCE_MS = 250
REASON = {
    "phone": QT_TRANSLATE_NOOP("lookup_tester", "its Phone"),
    "phone2": QT_TRANSLATE_NOOP("lookup_tester", "its Phone 2"),
}


def _who(v: ContactView) -> str:
    if v.person_id:
        return translate("lookup_tester", "the person {label}").format(label=v.label)
    return translate("lookup_tester", "the company {name}").format(name=v.company_name)


class LookupTester(QWidget):
    """Shows ``verdict`` (one sentence), the E.164 number and the matches as a list."""

    open_contact = Signal(str, str)

    def __init__(self, ctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.number = QLineEdit()
        self.number.setObjectName("lookupInput")
        self.number.setPlaceholderText(
            translate("lookup_tester", "The caller's number as you have it, e.g. 089 443228-150")
        )
        self.number.setClearButtonEnabled(True)
        button = QPushButton(translate("lookup_tester", "Look up"))
        button.setObjectName("primary")
        button.clicked.connect(self.look_up)
        self.number.returnPressed.connect(self.look_up)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.look_up)
        self.number.textEdited.connect(lambda _: self._timer.start())

        self.sent = QLabel()
        self.sent.setObjectName("lookupSent")
        self.sent.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict = QLabel()
        self.verdict.setObjectName("lookupVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.list_title = QLabel()
        self.list_title.setObjectName("sectionTitle")
        self.results = QListWidget()
        self.results.setAlternatingRowColors(True)
        self.results.setMaximumHeight(220)
        self.results.itemActivated.connect(self._open)
        self.results.itemDoubleClicked.connect(self._open)
        self.hint = QLabel()
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        explain = QLabel(
            translate(
                "lookup_tester",
                "Apollo sends the caller's number in international form (E.164) and Callsheet"
                " answers with every contact whose <b>Phone</b> or <b>Phone 2</b> is exactly that"
                " number. When nothing matches, a company whose number is the start of the"
                " caller's number (at least 6 digits: a switchboard, the caller dialling from an"
                " extension) is found instead.",
            )
        )
        explain.setWordWrap(True)
        explain.setObjectName("muted")

        row = QHBoxLayout()
        row.addWidget(self.number, 1)
        row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(heading(translate("lookup_tester", "Lookup tester")))
        layout.addWidget(explain)
        layout.addLayout(row)
        layout.addWidget(self.sent)
        layout.addWidget(self.verdict)
        layout.addWidget(self.list_title)
        layout.addWidget(self.results)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.matches: list[PhoneMatch] = []
        self.near: list[PhoneMatch] = []
        self.e164: str | None = None
        self._clear()

    def activate(self) -> None:
        """Put the cursor in the number field."""
        self.number.setFocus()

    def refresh(self) -> None:
        """Answer again after a change (a fixed number should turn green at once)."""
        if self.number.text().strip():
            self.look_up()

    def _clear(self) -> None:
        self.sent.setText("")
        self.verdict.setText(
            translate("lookup_tester", "Type a number to see what the screen pop would find.")
        )
        self.list_title.setText("")
        self.results.clear()
        self.hint.setText("")

    def look_up(self) -> None:
        """Normalise the number as Apollo would send it, then search as the API does."""
        self._timer.stop()
        text = self.number.text().strip()
        self.matches, self.near, self.e164 = [], [], None
        if not text:
            self._clear()
            return
        region = self.ctx.region
        self.results.clear()
        self.hint.setText("")
        try:
            e164 = phones.normalize(text, region, "number")
        except ValidationError as e:
            self.sent.setText("")
            self.verdict.setText(themed(
                translate("lookup_tester", '<span style="color:#b71c1c">{v0}</span>').format(
                    v0=escape(said(e))
                )
            ))
            self.list_title.setText("")
            return
        self.e164 = e164
        self.sent.setText(
            translate("lookup_tester", "Apollo sends: {e164}   ({v1})").format(
                e164=e164, v1=phone(e164, region)
            )
        )
        store = self.ctx.store
        self.matches = store.lookup_phone(e164)
        if self.matches and self.matches[0].reason == "prefix":
            m = self.matches[0]
            self.verdict.setText(themed(
                '<span style="color:#1b5e20"><b>{}</b></span> {}'.format(
                    translate("lookup_tester", "Found by the switchboard rule."),
                    translate("lookup_tester", "No contact has exactly this number, but {who}"
                              " has {number}, which is the start of it. Apollo gets the"
                              " company.").format(who=escape(_who(m.contact)),
                                                  number=escape(m.number)))))
            self.list_title.setText(translate("lookup_tester", "Apollo's answer"))
            self._add(
                m, translate("lookup_tester", "switchboard {v0}").format(v0=phone(m.number, region))
            )
            self.hint.setText(
                translate(
                    "lookup_tester",
                    "To find the person instead, put this number into the person's"
                    " Phone or Phone 2.",
                )
            )
        elif self.matches:
            n = len(self.matches)
            first = self.matches[0]
            found = (translate("lookup_tester", "Found {n} contacts.") if n > 1
                     else translate("lookup_tester", "Found 1 contact."))
            how = translate("lookup_tester", REASON.get(first.reason, first.reason))
            detail = (translate("lookup_tester", "Exact match on {how} of {who} and {more} more.")
                      if n > 1 else translate("lookup_tester", "Exact match on {how} of {who}."))
            shown = detail.format(how=how, who=escape(_who(first.contact)), more=n - 1)
            self.verdict.setText(themed(
                translate(
                    "lookup_tester", '<span style="color:#1b5e20"><b>{v0}</b></span> {shown}'
                ).format(v0=found.format(n=n), shown=shown)
            ))
            self.list_title.setText(
                translate("lookup_tester", "Apollo's answer (persons first, then companies)")
            )
            for m in self.matches:
                self._add(
                    m,
                    translate("lookup_tester", "exact match on {v0}").format(
                        v0=translate("lookup_tester", REASON.get(m.reason, m.reason))
                    ),
                )
            if n > 1:
                self.hint.setText(
                    translate(
                        "lookup_tester",
                        "Several contacts share this number; Apollo shows the agent all of them.",
                    )
                )
        else:
            self.near = store.nearest_numbers(e164)
            self.verdict.setText(themed(
                translate(
                    "lookup_tester",
                    '<span style="color:#b71c1c"><b>No match.</b></span> Apollo\'s screen pop'
                    " would find nobody for this number.",
                )
            ))
            if self.near:
                self.list_title.setText(translate("lookup_tester", "Nearest stored numbers"))
                for m in self.near:
                    self._add(
                        m,
                        translate("lookup_tester", "has {v0} ({number})").format(
                            v0=phone(m.number, region), number=m.number
                        ),
                    )
                self.hint.setText(
                    translate(
                        "lookup_tester",
                        "If one of these is the caller, open the card and correct"
                        " the number, or add it as Phone 2.",
                    )
                )
            else:
                self.list_title.setText("")
                self.hint.setText(
                    translate("lookup_tester", "No stored number starts like this one.")
                )

    def _add(self, m: PhoneMatch, why: str) -> None:
        flag = ("   " + translate("record_model", "⊘ do not call")) if m.contact.do_not_call else ""
        item = QListWidgetItem(f"{m.contact.label}   —   {why}{flag}")
        item.setData(Qt.ItemDataRole.UserRole, m.contact)
        item.setToolTip(translate("lookup_tester", "Double-click to open the card"))
        self.results.addItem(item)

    def _open(self, item: QListWidgetItem) -> None:
        v: ContactView = item.data(Qt.ItemDataRole.UserRole)
        if v.person_id:
            self.open_contact.emit("person", v.person_id)
        elif v.company_id:
            self.open_contact.emit("company", v.company_id)
