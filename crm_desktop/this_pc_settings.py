"""The "This PC" part of Settings: data on this PC or a shared database (with *Test
connection*), serving the API and popping caller cards here, and who sits at this PC.

These settings live in this PC's file (`shared.local_settings`), not in the database.
The password goes to libpq's password file (`shared.pgpass`), never to that file.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from shared.local_settings import SSL_MODES, LocalSettings, os_user, pc_name
from shared.pg_check import CheckResult, check_connection, check_fields
from shared.pgpass import find_password, save_password

from . import i18n
from .i18n import said, translate
from .style import themed

FIELDS = ("host", "port", "dbname", "user", "password", "sslmode")
LABELS = {
    "host": QT_TRANSLATE_NOOP("this_pc_settings", "Server"),
    "port": QT_TRANSLATE_NOOP("this_pc_settings", "Port"),
    "dbname": QT_TRANSLATE_NOOP("this_pc_settings", "Database"),
    "user": QT_TRANSLATE_NOOP("this_pc_settings", "User"),
    "password": QT_TRANSLATE_NOOP("this_pc_settings", "Password"),
    "sslmode": QT_TRANSLATE_NOOP("this_pc_settings", "SSL"),
}


class _Result(QObject):
    done = Signal(object)  # CheckResult, emitted from the checking thread


class ThisPcBox(QGroupBox):
    """Edit a `LocalSettings`. After `save()`: ``changed`` names the fields saved."""

    check_finished = Signal(object)  # CheckResult

    def __init__(self, local: LocalSettings, parent: QWidget | None = None) -> None:
        super().__init__(translate("this_pc_settings", "This PC"), parent)
        self.local = local
        self.changed: set[str] = set()
        self.last_check: CheckResult | None = None
        self._result = _Result(self)
        self._result.done.connect(self._check_done)

        self.local_radio = QRadioButton(translate("this_pc_settings", "Data on this PC"))
        self.local_radio.setToolTip(
            translate("this_pc_settings", "A database file on this computer (one PC, no setup).")
        )
        self.shared_radio = QRadioButton(translate("this_pc_settings", "Shared database"))
        self.shared_radio.setToolTip(
            translate(
                "this_pc_settings",
                "The office's PostgreSQL server: every PC sees the same contacts, live.",
            )
        )
        group = QButtonGroup(self)
        group.addButton(self.local_radio)
        group.addButton(self.shared_radio)
        (self.shared_radio if local.shared else self.local_radio).setChecked(True)

        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.host_edit = QLineEdit(local.host)
        self.host_edit.setPlaceholderText(
            translate("this_pc_settings", "db.office.lan or 192.168.1.20")
        )
        self.port_edit = QLineEdit(str(local.port))
        self.dbname_edit = QLineEdit(local.dbname)
        self.user_edit = QLineEdit(local.user or os_user())
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.sslmode_combo = QComboBox()
        self.sslmode_combo.addItems(SSL_MODES)
        self.sslmode_combo.setCurrentText(local.sslmode)
        self.sslmode_combo.setToolTip(
            translate(
                "this_pc_settings",
                "prefer: encrypt when the server offers it. require:"
                " refuse an unencrypted connection.",
            )
        )
        editors = (self.host_edit, self.port_edit, self.dbname_edit, self.user_edit,
                   self.password_edit, self.sslmode_combo)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(2)
        for row, (name, editor) in enumerate(zip(FIELDS, editors, strict=True)):
            editor.setObjectName(f"pc_{name}")
            self.editors[name] = editor
            error = QLabel()
            error.setObjectName("fieldError")
            error.setStyleSheet(themed("color: #b91c1c;"))
            error.setWordWrap(True)
            error.hide()
            self.errors[name] = error
            grid.addWidget(QLabel(translate("this_pc_settings", LABELS[name])), row, 0)
            grid.addWidget(editor, row, 1)
            grid.addWidget(error, row, 2)
        grid.setColumnStretch(2, 1)
        for edit in (self.host_edit, self.port_edit, self.dbname_edit, self.user_edit):
            edit.textEdited.connect(self._fields_edited)
        self.password_edit.textEdited.connect(self._fields_edited)

        self.test_button = QPushButton(translate("this_pc_settings", "Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel()
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)

        self.shared_fields = QWidget()
        shared_column = QVBoxLayout(self.shared_fields)
        shared_column.setContentsMargins(18, 0, 0, 0)
        shared_column.addLayout(grid)
        shared_column.addLayout(test_row)
        self.serve_api_box = QCheckBox(translate("this_pc_settings", "Serve the API from this PC"))
        self.serve_api_box.setToolTip(
            translate(
                "this_pc_settings",
                "Normally the office's API service serves Apollo; turn"
                " this on only if Apollo should call this PC.",
            )
        )
        self.serve_api_box.setChecked(local.serve_api)
        shared_column.addWidget(self.serve_api_box)

        self.pop_box = QCheckBox(translate("this_pc_settings", "Pop caller cards on this PC"))
        self.pop_box.setToolTip(
            translate(
                "this_pc_settings",
                "When Apollo asks to show a caller: on a shared database a"
                " notice with Open card appears; on this PC's data the card"
                " comes to the front.",
            )
        )
        self.pop_box.setChecked(local.pop_cards)
        self.name_edit = QLineEdit(local.your_name)
        self.name_edit.setObjectName("pc_your_name")
        self.name_edit.setPlaceholderText(os_user() or "your name")
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel(translate("this_pc_settings", "Your name")))
        name_row.addWidget(self.name_edit, 1)
        pc = QLabel(translate("this_pc_settings", "on {v0}").format(v0=pc_name()))
        pc.setObjectName("muted")
        name_row.addWidget(pc)
        note = QLabel(
            translate(
                "this_pc_settings",
                "Changes you make are recorded in the history under this name and PC;"
                " it also signs your notes and owns your personal to-dos.",
            )
        )
        note.setWordWrap(True)
        note.setObjectName("muted")
        # The language: automatic follows the operating system; a text is made in the
        # language of its time, so the choice shows after a restart.
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("pc_language")
        auto = i18n.LANGUAGES[i18n.choose_language("")]
        self.language_combo.addItem(
            translate("this_pc_settings", "Automatic (as the system: {language})").format(
                language=auto), "")
        for code, name in i18n.LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(local.language)))
        language_label = QLabel(translate("this_pc_settings", "&Language"))
        language_label.setBuddy(self.language_combo)
        language_row = QHBoxLayout()
        language_row.addWidget(language_label)
        language_row.addWidget(self.language_combo, 1)
        restart = QLabel(translate("this_pc_settings",
                                   "A new language shows when Callsheet is started again."))
        restart.setObjectName("muted")
        language_row.addWidget(restart)

        column = QVBoxLayout(self)
        column.addWidget(self.local_radio)
        column.addWidget(self.shared_radio)
        column.addWidget(self.shared_fields)
        column.addWidget(self.pop_box)
        column.addLayout(name_row)
        column.addWidget(note)
        column.addLayout(language_row)
        self._show_saved_password_hint()
        self.shared_radio.toggled.connect(self.shared_fields.setEnabled)
        self.shared_fields.setEnabled(local.shared)

    # -- reading the fields --------------------------------------------------------------

    def edited(self) -> LocalSettings:
        """The settings as they stand in the fields (not saved)."""
        try:
            port = int(self.port_edit.text().strip())
        except ValueError:
            port = 0
        return LocalSettings(
            database="shared" if self.shared_radio.isChecked() else "local",
            host=self.host_edit.text().strip(), port=port,
            dbname=self.dbname_edit.text().strip(), user=self.user_edit.text().strip(),
            sslmode=self.sslmode_combo.currentText(),
            serve_api=self.serve_api_box.isChecked(), pop_cards=self.pop_box.isChecked(),
            your_name=self.name_edit.text().strip(),
            language=str(self.language_combo.currentData() or ""))

    def _show_saved_password_hint(self) -> None:
        s = self.local
        saved = s.host and s.user and find_password(s.host, s.port, s.dbname, s.user)
        self.password_edit.setPlaceholderText(
            translate("this_pc_settings", "saved in the password file")
            if saved
            else translate("this_pc_settings", "not saved yet")
        )

    def _fields_edited(self) -> None:
        for error in self.errors.values():
            error.hide()
        self.test_result.clear()

    def show_error(self, result: CheckResult) -> None:
        """Say what is wrong next to the field to blame (or under the button)."""
        for error in self.errors.values():
            error.hide()
        if result.field in self.errors:
            self.errors[result.field].setText(said(result.message))
            self.errors[result.field].show()
        self.test_result.setText(("✔ " if result.ok else "✖ ") + said(result.message))
        self.test_result.setStyleSheet(
            themed("color: #15803d;" if result.ok else "color: #b91c1c;")
        )

    # -- test connection -----------------------------------------------------------------

    def test_connection(self) -> None:
        """Try the shared database with what is typed, in the background (the dialog stays
        responsive); the result appears next to the field to blame."""
        settings = self.edited()
        password = self.password_edit.text() or None
        bad = check_fields(settings)
        if bad is not None:
            self._check_done(bad)
            return
        self.test_button.setEnabled(False)
        self.test_result.setStyleSheet("")
        self.test_result.setText(translate("this_pc_settings", "Connecting…"))

        def run() -> None:
            self._result.done.emit(check_connection(settings, password))

        threading.Thread(target=run, name="callsheet-test-connection", daemon=True).start()

    def _check_done(self, result: CheckResult) -> None:
        self.test_button.setEnabled(True)
        self.last_check = result
        self.show_error(result)
        self.check_finished.emit(result)

    # -- saving --------------------------------------------------------------------------

    def validate(self) -> CheckResult | None:
        """A field that keeps the settings from being saved, or None."""
        settings = self.edited()
        if settings.shared:
            bad = check_fields(settings)
            if bad is not None:
                self.show_error(bad)
                return bad
        return None

    def save(self, path: Path | None = None) -> set[str]:
        """Save to this PC's file, the password to libpq's password file; returns (and
        keeps in ``changed``) the names of the settings that changed."""
        new = self.edited()
        if not new.shared:
            # Keep the shared database's details for switching back, only the mode changes.
            new = LocalSettings(**(self.local.__dict__ | {
                "database": "local", "pop_cards": new.pop_cards, "your_name": new.your_name,
                "language": new.language}))
        password = self.password_edit.text()
        if new.shared and password:
            save_password(new.host, new.port, new.dbname, new.user, password)
            self.changed.add("password")
        for name, value in new.__dict__.items():
            if getattr(self.local, name) != value:
                self.changed.add(name)
                setattr(self.local, name, value)
        if self.changed - {"password"}:
            self.local.save(path)
        return self.changed

