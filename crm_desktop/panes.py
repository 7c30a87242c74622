"""The window's panes: a page stack that asks only for its current page's room, scroll
areas so no page or card can widen the window, the remembered card-panel width, and
texts made safe for tab titles and the status bar.

A QStackedWidget asks for the largest minimum of all its pages (the dashboard's
charts), and a QSplitter gives each pane at least its minimum: opening a card
then grew the window past the screen (1280 → 1304 → 1320 px).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from .i18n import language

CARD_WIDTH_KEY = "window/cardPanelWidth"


class WrapDelegate(QStyledItemDelegate):
    """Items of a narrow list (the navigation, the saved filters) as tall as their text
    needs when it wraps at the list's width: a long German title takes two lines, never
    a sideways scroll bar or an "…". Set the view's wordWrap too (it draws the lines)."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        one_line = super().sizeHint(option, index)
        text = str(index.data() or "")
        metrics = QFontMetrics(self.view.font())
        # What the style adds around the text (padding and margins of the style sheet).
        extra_w = one_line.width() - metrics.horizontalAdvance(text)
        extra_h = one_line.height() - metrics.height()
        width = self.view.viewport().width()
        lines = metrics.boundingRect(QRect(0, 0, max(1, width - extra_w), 100000),
                                     int(Qt.TextFlag.TextWordWrap), text)
        return QSize(width, lines.height() + extra_h)


class CurrentPageStack(QStackedWidget):
    """A stack whose size hints are its current page's, not the largest page's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _: self.updateGeometry())

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()


def scrolled(widget: QWidget, min_width: int = 280) -> QScrollArea:
    """``widget`` in a frameless scroll area: narrower than the widget's minimum it
    scrolls instead of pushing the window wider."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setMinimumWidth(min_width)
    # The page's own minimum height (the dashboard's charts) must not set the window's.
    area.setMinimumHeight(120)
    return area


def ui_settings() -> QSettings:
    """Per-PC window state (not in the database, which the whole office shares)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     "Callsheet", "window")


def remembered_card_width(default: int) -> int:
    """The card panel's width the person last chose, else ``default``."""
    value = ui_settings().value(CARD_WIDTH_KEY, default)
    try:
        return max(200, int(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default


def remember_card_width(width: int) -> None:
    """Keep the card panel's width for the next card and the next start."""
    if width > 0:
        ui_settings().setValue(CARD_WIDTH_KEY, int(width))


def tab_text(title: str, limit: int = 28) -> str:
    """A tab title: shortened, and ``&`` doubled so Qt shows it instead of taking it as
    a mnemonic ("Müller & Söhne", not "Müller _Söhne")."""
    short = title if len(title) <= limit else title[:limit - 1] + "…"
    return short.replace("&", "&&")


def elided(text: str, label: QLabel | QWidget, width: int) -> str:
    """``text`` shortened with … to fit ``width`` pixels in ``label``'s font."""
    return QFontMetrics(label.font()).elidedText(text, Qt.TextElideMode.ElideRight,
                                                 max(width, 0))


class ElidedLabel(QLabel):
    """A one-line label that draws its text shortened with … instead of growing the
    window; ``text()`` and the tooltip keep the whole text."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(60)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self.setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(60, super().minimumSizeHint().height())

    def shown_text(self) -> str:
        """What is drawn at the current width."""
        rect = self.contentsRect()
        return elided(self.text(), self, rect.width() - 2 * self.margin())

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        rect = self.contentsRect().adjusted(self.margin(), 0, -self.margin(), 0)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.setFont(self.font())
        painter.drawText(rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter),
                         self.shown_text())


_API_NAME = re.compile(r"\b([a-z]+[A-Z0-9][A-Za-z0-9]*)\b")


def form_message(message: str, labels: dict[str, str], field: str | None = None) -> str:
    """Say a store's error in the words of the form: "phone2: '12' is not…" becomes
    "Phone 2: '12' is not…", "email must be…" becomes "E-mail must be…".

    ``labels`` maps API names to the form's labels; ``field`` is the field the error
    is about (its name may start the message).
    """
    def label(api: str, start: bool) -> str:
        text = labels.get(api, api)
        # Mid-sentence "a first name", but "ZIP code" keeps its capitals (and German
        # nouns all of theirs: "einen Vornamen" is wrong, "Vorname" stays).
        if not start and len(text) > 1 and text[1].islower() and language() == "en":
            text = text[0].lower() + text[1:]
        return text

    if field and field in labels and message.startswith(field):
        rest = message[len(field):]
        if rest[:1] in (":", " ", "."):
            message = label(field, True) + rest
    # camelCase and numbered names (firstName, phone2) are never ordinary words.
    return _API_NAME.sub(
        lambda m: label(m.group(1), m.start() == 0) if m.group(1) in labels else m.group(1),
        message)


def plain_label(text: str) -> str:
    """A field label without its mnemonic marker and "required" star."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(" *")


def labels_of(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """{api name: plain label} from (api, label) pairs."""
    return {api: plain_label(text) for api, text in pairs}
