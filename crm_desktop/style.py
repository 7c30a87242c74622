"""The look: Fusion with a calm light palette, a blue accent and readable sizes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#2563eb"

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
QFrame#emptyState {{ background: white; border: 1px solid #e3e6ea; border-radius: 6px; }}
QLabel#emptyTitle {{ font-size: 17px; font-weight: 600; color: #111827; }}
QLabel#lookupSent {{ font-family: "DejaVu Sans Mono", monospace; font-size: 13px;
                     color: #1f2937; }}
QLabel#lookupVerdict {{ font-size: 14px; padding: 6px 0; }}
QLineEdit, QPlainTextEdit, QComboBox, QDateEdit, QDateTimeEdit {{
    background: white; border: 1px solid #cfd5dc; border-radius: 5px; padding: 4px 6px;
    selection-background-color: {ACCENT}; }}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus {{ border: 1px solid {ACCENT}; }}
QLineEdit:disabled, QComboBox:disabled, QDateEdit:disabled, QDateTimeEdit:disabled {{
    background: #f3f4f6; color: #9ca3af; border-color: #e5e7eb; }}
QLineEdit[readOnly="true"] {{ background: #f1f3f5; color: #4b5563; }}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] {{ border: 1px solid #c62828;
    background: #fff5f5; }}
QLineEdit#searchBox {{ padding: 6px 10px; border-radius: 16px; min-height: 20px; }}
QPushButton {{ background: white; border: 1px solid #cfd5dc; border-radius: 5px;
              padding: 5px 12px; color: #1f2937; }}
QPushButton:hover {{ background: #f0f3f7; }}
QPushButton:disabled {{ color: #9ca3af; background: #f3f4f6; }}
QPushButton#primary {{ background: {ACCENT}; border: 1px solid {ACCENT}; color: white;
                       font-weight: 600; }}
QPushButton#primary:hover {{ background: #1d4ed8; }}
QPushButton#primary:disabled {{ background: #a5b4fc; border-color: #a5b4fc; }}
QPushButton#danger {{ color: #b71c1c; }}
QTableView {{ background: white; alternate-background-color: #f3f6fa; border: 1px solid #e3e6ea;
             border-radius: 6px; selection-background-color: #dbe7ff;
             selection-color: #111827; gridline-color: #eef0f3; }}
QHeaderView::section {{ background: #f1f3f6; color: #374151; border: none;
                        border-bottom: 1px solid #e3e6ea; padding: 5px 6px; font-weight: 600; }}
QListWidget {{ background: white; border: 1px solid #e3e6ea; border-radius: 6px;
              alternate-background-color: #f7f9fb; }}
QListWidget::item {{ padding: 4px; }}
QListWidget::item:selected {{ background: #dbe7ff; color: #111827; }}
QTabWidget::pane {{ border: none; }}
QTabBar::tab {{ padding: 6px 14px; color: #4b5563; }}
QTabBar::tab:selected {{ color: #111827; font-weight: 600; border-bottom: 2px solid {ACCENT}; }}
QTabWidget#cards > QTabBar::tab {{ background: #eef1f5; border: 1px solid #e0e4e9;
    border-bottom: none; border-top-left-radius: 6px; border-top-right-radius: 6px;
    margin-right: 2px; }}
QTabWidget#cards > QTabBar::tab:selected {{ background: white; border-bottom: none; }}
QWidget#cardPanel {{ background: white; border-left: 1px solid #e0e4e9; }}
QWidget#cardForm {{ background: white; }}
QFrame#warningBar {{ background: #fff7d6; border: 1px solid #f1d77a; border-radius: 6px; }}
QStatusBar {{ background: #ffffff; border-top: 1px solid #e3e6ea; }}
QStatusBar QLabel {{ padding: 0 8px; }}
QSplitter::handle {{ background: #e9ecf0; }}
"""


def apply(app: QApplication) -> None:
    """Fusion, a light palette (also on dark desktops) and the style sheet."""
    app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f6f7f9"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f9fb"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#111827"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#111827"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("#1f2937"))
    palette.setColor(QPalette.ColorRole.Button, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#dbe7ff"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#111827"))
    palette.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#9ca3af"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor("#111827"))
    app.setPalette(palette)
    app.setStyleSheet(STYLE)
