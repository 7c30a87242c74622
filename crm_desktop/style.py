"""The look: Fusion with a calm palette, a blue accent and readable sizes, light or dark
as the operating system is (Qt's colour scheme, Qt 6.5+).

Every colour is written once, as its light value; `themed()` swaps each for its dark
variant when the scheme is dark (DARK_OF), in the style sheet, the palette, the tables'
text colours and the few labels that colour HTML. Meaning never hangs on a colour alone:
do-not-call, overdue and errors also say so in words or a sign.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#2563eb"
ACCENT_HOVER = "#1e40af"

# Light colour -> its dark-scheme variant. Backgrounds get darker, text lighter, the
# status colours (red, amber, green, blue, purple) lighter so they read on dark grey.
DARK_OF = {
    # window, panels, fields
    "#f6f7f9": "#1b1e23", "#ffffff": "#23272e", "#eef1f5": "#181b20",
    "#f3f6fa": "#2a2f37", "#f7f9fb": "#2a2f37", "#f1f3f6": "#2a2f37", "#f1f3f5": "#2a2f37",
    "#f3f4f6": "#2a2f37", "#f0f3f7": "#313743", "#e2e7ee": "#2c323c", "#e9ecf0": "#2f353f",
    "#eef0f3": "#2f353f", "#dbe4f3": "#1e3a8a", "#dbe7ff": "#1e3a8a",
    # borders
    "#e3e6ea": "#3a414c", "#e0e4e9": "#3a414c", "#e5e7eb": "#3a414c", "#cfd5dc": "#4a525e",
    # text
    "#111827": "#f3f4f6", "#1f2937": "#e5e7eb", "#374151": "#d1d5db", "#4b5563": "#cbd5e1",
    "#6b7280": "#a3acb9", "#9ca3af": "#8b94a3",
    # status: red, amber, green, blue, purple
    "#b71c1c": "#f87171", "#c62828": "#f87171", "#b91c1c": "#f87171", "#dc2626": "#f87171",
    "#92400e": "#fbbf24", "#a16207": "#fbbf24", "#b45309": "#fbbf24",
    "#16a34a": "#4ade80", "#15803d": "#4ade80", "#2e7d32": "#4ade80", "#1b5e20": "#4ade80",
    "#1d4ed8": "#93c5fd", "#7c3aed": "#c4b5fd",
    # warning and error boxes
    "#fff7d6": "#3b2f12", "#fffbeb": "#3b2f12", "#fef3c7": "#3b2f12", "#f1d77a": "#a16207",
    "#fcd34d": "#a16207", "#fff5f5": "#3b1d1d", "#a5b4fc": "#3b4a7a",
}
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
_dark = False


def is_dark() -> bool:
    """Whether the dark variants are in use (set by `apply`)."""
    return _dark


def themed(text: str) -> str:
    """`text` (a style sheet, HTML, or one colour) with the dark variant of every known
    light colour when the scheme is dark; unchanged when it is light."""
    if not _dark:
        return text
    return _HEX.sub(lambda m: DARK_OF.get(m.group(0).lower(), m.group(0)), text)


def system_is_dark() -> bool:
    """Whether the operating system asks for dark (Qt.ColorScheme, Qt 6.5+)."""
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return scheme is not None and scheme() == Qt.ColorScheme.Dark


STYLE = f"""
QMainWindow, QDialog {{ background: #f6f7f9; }}
QToolBar {{ background: #ffffff; border: none; border-bottom: 1px solid #e3e6ea;
           padding: 6px 10px; spacing: 8px; }}
QListWidget#nav {{ background: #eef1f5; border: none; border-right: 1px solid #e0e4e9;
                   padding-top: 8px; font-size: 13px; outline: 0; }}
QListWidget#nav::item {{ padding: 9px 16px; margin: 1px 8px; border-radius: 6px;
                         color: #1f2937; }}
QListWidget#nav::item:selected {{ background: {ACCENT}; color: white; }}
QListWidget#nav::item:hover:!selected {{ background: #e2e7ee; }}
QWidget#navPanel {{ background: #eef1f5; border-right: 1px solid #e0e4e9; }}
QLabel#navSection {{ color: #6b7280; font-size: 11px; font-weight: 600; padding: 8px 24px 0 24px;
                     text-transform: uppercase; }}
QListWidget#savedFilters {{ background: #eef1f5; border: none; font-size: 12px; outline: 0; }}
QListWidget#savedFilters::item {{ padding: 6px 16px; margin: 1px 8px; border-radius: 6px;
                                  color: #374151; }}
QListWidget#savedFilters::item:selected {{ background: #dbe4f3; color: #111827; }}
QListWidget#savedFilters::item:hover:!selected {{ background: #e2e7ee; }}
QLabel#pageTitle {{ font-size: 18px; font-weight: 600; color: #111827; padding: 2px 0 6px 0; }}
QLabel#sectionTitle {{ font-size: 13px; font-weight: 600; color: #111827; }}
QLabel#cardTitle {{ font-size: 20px; font-weight: 700; color: #111827; }}
QLabel#cardSubtitle {{ color: #4b5563; }}
QLabel#fieldLabel {{ color: #4b5563; font-size: 11px; font-weight: 600; }}
QLabel#fieldError {{ color: #b71c1c; font-size: 11px; }}
QLabel#fieldError[warning="true"] {{ color: #92400e; }}
QLabel#fieldWarning {{ color: #92400e; background: #fffbeb; border: 1px solid #fcd34d;
    border-radius: 4px; padding: 4px 6px; }}
QLabel#muted {{ color: #6b7280; }}
QFrame#emptyState {{ background: #ffffff; border: 1px solid #e3e6ea; border-radius: 6px; }}
QLabel#emptyTitle {{ font-size: 17px; font-weight: 600; color: #111827; }}
QLabel#lookupSent {{ font-family: "DejaVu Sans Mono", monospace; font-size: 13px;
                     color: #1f2937; }}
QLabel#lookupVerdict {{ font-size: 14px; padding: 6px 0; }}
QLineEdit, QPlainTextEdit, QComboBox, QDateEdit, QDateTimeEdit {{
    background: #ffffff; border: 1px solid #cfd5dc; border-radius: 5px; padding: 4px 6px;
    selection-background-color: {ACCENT}; }}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus {{ border: 1px solid {ACCENT}; }}
QLineEdit:disabled, QComboBox:disabled, QDateEdit:disabled, QDateTimeEdit:disabled {{
    background: #f3f4f6; color: #9ca3af; border-color: #e5e7eb; }}
QLineEdit[readOnly="true"] {{ background: #f1f3f5; color: #4b5563; }}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] {{ border: 1px solid #c62828;
    background: #fff5f5; }}
QLineEdit#searchBox {{ padding: 6px 10px; border-radius: 16px; min-height: 20px; }}
QPushButton {{ background: #ffffff; border: 1px solid #cfd5dc; border-radius: 5px;
              padding: 5px 12px; color: #1f2937; }}
QPushButton:hover {{ background: #f0f3f7; }}
QPushButton:disabled {{ color: #9ca3af; background: #f3f4f6; }}
QPushButton#primary {{ background: {ACCENT}; border: 1px solid {ACCENT}; color: white;
                       font-weight: 600; }}
QPushButton#primary:hover {{ background: {ACCENT_HOVER}; }}
QPushButton#primary:disabled {{ background: #a5b4fc; border-color: #a5b4fc; }}
QPushButton#danger {{ color: #b71c1c; }}
QTableView {{ background: #ffffff; alternate-background-color: #f3f6fa; border: 1px solid #e3e6ea;
             border-radius: 6px; selection-background-color: #dbe7ff;
             selection-color: #111827; gridline-color: #eef0f3; }}
QHeaderView::section {{ background: #f1f3f6; color: #374151; border: none;
                        border-bottom: 1px solid #e3e6ea; padding: 5px 6px; font-weight: 600; }}
QListWidget {{ background: #ffffff; border: 1px solid #e3e6ea; border-radius: 6px;
              alternate-background-color: #f7f9fb; }}
QListWidget::item {{ padding: 4px; }}
QListWidget::item:selected {{ background: #dbe7ff; color: #111827; }}
QTabWidget::pane {{ border: none; }}
QTabBar::tab {{ padding: 6px 14px; color: #4b5563; }}
QTabBar::tab:selected {{ color: #111827; font-weight: 600; border-bottom: 2px solid {ACCENT}; }}
QTabWidget#cards > QTabBar::tab {{ background: #eef1f5; border: 1px solid #e0e4e9;
    border-bottom: none; border-top-left-radius: 6px; border-top-right-radius: 6px;
    margin-right: 2px; }}
QTabWidget#cards > QTabBar::tab:selected {{ background: #ffffff; border-bottom: none; }}
QWidget#cardPanel {{ background: #ffffff; border-left: 1px solid #e0e4e9; }}
QWidget#cardForm {{ background: #ffffff; }}
QFrame#warningBar {{ background: #fff7d6; border: 1px solid #f1d77a; border-radius: 6px; }}
QStatusBar {{ background: #ffffff; border-top: 1px solid #e3e6ea; }}
QStatusBar QLabel {{ padding: 0 8px; }}
QSplitter::handle {{ background: #e9ecf0; }}
"""


def apply(app: QApplication, dark: bool | None = None) -> None:
    """Fusion, the palette and the style sheet, dark when `dark` (None: as the OS is).

    Called again when the OS switches scheme; widgets made afterwards get the new colours
    everywhere, those already open get the new palette and style sheet."""
    global _dark
    _dark = system_is_dark() if dark is None else dark
    app.setStyle("Fusion")
    palette = QPalette()
    for role, light in (
        (QPalette.ColorRole.Window, "#f6f7f9"), (QPalette.ColorRole.Base, "#ffffff"),
        (QPalette.ColorRole.AlternateBase, "#f7f9fb"), (QPalette.ColorRole.Text, "#111827"),
        (QPalette.ColorRole.WindowText, "#111827"), (QPalette.ColorRole.ButtonText, "#1f2937"),
        (QPalette.ColorRole.Button, "#ffffff"), (QPalette.ColorRole.Highlight, "#dbe7ff"),
        (QPalette.ColorRole.HighlightedText, "#111827"),
        (QPalette.ColorRole.Link, "#1d4ed8"),
        (QPalette.ColorRole.PlaceholderText, "#9ca3af"),
        (QPalette.ColorRole.ToolTipBase, "#ffffff"), (QPalette.ColorRole.ToolTipText, "#111827"),
        (QPalette.ColorRole.Mid, "#cfd5dc"), (QPalette.ColorRole.Light, "#ffffff"),
    ):
        palette.setColor(role, QColor(themed(light)))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(themed("#9ca3af")))
    app.setPalette(palette)
    app.setStyleSheet(themed(STYLE))
    hints = app.styleHints()
    if dark is None and hasattr(hints, "colorSchemeChanged") and not app.property("cs_follow"):
        app.setProperty("cs_follow", True)
        hints.colorSchemeChanged.connect(lambda *_: apply(app))
