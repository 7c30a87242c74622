"""Settings: the API's address and port, the default phone region, and the API key
(show, copy, rotate). Each value says where it comes from; a value fixed by a
command-line flag or an environment variable is read-only here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from shared.countries import countries
from shared.errors import ValidationError
from shared.local_settings import LocalSettings
from shared.settings import (
    API_KEY,
    SETTINGS,
    Resolved,
    check_backup_keep,
    check_port,
    resolve,
    rotate_api_key,
)

from .context import DesktopContext
from .i18n import language, said, translate
from .this_pc_settings import ThisPcBox

# Try the API on (host, port) before the dialog closes: None when it listens there,
# else (field, message).
TryListen = Callable[[str, str], "tuple[str, str] | None"]
FLAG_NAMES = {"host": "--host", "port": "--port", "region": "--region", API_KEY: "--api-key"}


def origin_text(key: str, r: Resolved) -> str:
    """Where a setting's value comes from, in words."""
    if r.origin == "flag":
        return translate("settings_dialog", "set by the command line ({flag}); read-only here"
                         ).format(flag=FLAG_NAMES.get(key, key))
    if r.origin == "env":
        return translate("settings_dialog", "set by {env}; read-only here (unset it to change it"
                         " here)").format(env=SETTINGS[key].env)
    if r.origin == "stored":
        return translate("settings_dialog", "saved in this database")
    return translate("settings_dialog", "default")


class SettingsDialog(QDialog):
    """Results after OK: ``host``, ``port``, ``region``, ``changed`` (keys saved),
    ``key_rotated`` and ``api_moved`` (``try_listen`` already moved the API)."""

    def __init__(self, ctx: DesktopContext, flags: dict[str, str | None], *,
                 api_status: str = "", db_path: str = "", parent: QWidget | None = None,
                 try_listen: TryListen | None = None, api_failed: bool = False,
                 local: LocalSettings | None = None, local_path: Path | None = None):
        super().__init__(parent)
        self.try_listen = try_listen
        self.api_failed = api_failed
        self.api_moved = False
        self.setWindowTitle(translate("settings_dialog", "Settings"))
        self.ctx = ctx
        self.flags = flags
        self.changed: set[str] = set()
        self.key_rotated = False
        # This PC's settings (which database, serve the API, pop cards, your name).
        self.this_pc = ThisPcBox(local) if local is not None else None
        self.local_path = local_path
        self.local_changed: set[str] = set()
        store = ctx.store
        self.resolved = {k: resolve(k, flags.get(k), store)
                         for k in ("host", "port", "region", API_KEY, "backup_keep")}
        self.host = self.resolved["host"].value or ""
        self.port = self.resolved["port"].value or ""
        self.region = self.resolved["region"].value or "DE"

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(4)
        self.host_edit = QLineEdit(self.host)
        self.host_edit.setToolTip(
            translate(
                "settings_dialog",
                "127.0.0.1: only this PC. 0.0.0.0: every network interface"
                " (Apollo on another machine).",
            )
        )
        self.port_edit = QLineEdit(self.port)
        self.region_combo = QComboBox()
        self.region_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.region_combo.setMinimumContentsLength(20)
        for code, name in countries(language()).items():
            self.region_combo.addItem(f"{name} ({code})", code)
        self.region_combo.setCurrentIndex(max(0, self.region_combo.findData(self.region)))
        self.key_edit = QLineEdit(self.resolved[API_KEY].value or "")
        self.key_edit.setReadOnly(True)
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_key = QPushButton(translate("settings_dialog", "Show"))
        self.show_key.setCheckable(True)
        self.show_key.toggled.connect(self._toggle_key)
        copy = QPushButton(translate("settings_dialog", "Copy"))
        copy.clicked.connect(self.copy_key)
        self.rotate_button = QPushButton(translate("settings_dialog", "New key…"))
        self.rotate_button.setToolTip(
            translate("settings_dialog", "Replace the key; Apollo must then be given the new one")
        )
        self.rotate_button.clicked.connect(self.rotate_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.show_key)
        key_row.addWidget(copy)
        key_row.addWidget(self.rotate_button)
        key_box = QWidget()
        key_box.setLayout(key_row)
        key_row.setContentsMargins(0, 0, 0, 0)

        self.keep_spin = QSpinBox()
        self.keep_spin.setRange(0, 365)
        self.keep_spin.setSpecialValueText(translate("settings_dialog", "off"))
        self.keep_spin.setSuffix(translate("settings_dialog", " days"))
        self.keep_spin.setToolTip(
            translate(
                "settings_dialog",
                "One copy a day goes to the backups folder beside the"
                " database; older ones beyond this many are deleted.",
            )
        )
        try:
            self.keep_spin.setValue(check_backup_keep(self.resolved["backup_keep"].value))
        except ValidationError:
            self.keep_spin.setValue(7)
        self.backup_keep = self.keep_spin.value()


        self.errors: dict[str, QLabel] = {}
        for key in ("host", "port"):
            label = QLabel()
            label.setObjectName("fieldError")
            label.setWordWrap(True)
            label.hide()
            self.errors[key] = label
        self.host_error, self.port_error = self.errors["host"], self.errors["port"]
        rows = ((translate("settings_dialog", "API address"), self.host_edit, "host"),
                (translate("settings_dialog", "API port"), self.port_edit, "port"),
                (translate("settings_dialog", "Default phone region"), self.region_combo,
                 "region"),
                (translate("settings_dialog", "API key"), key_box, API_KEY),
                (translate("settings_dialog", "Daily backups kept"), self.keep_spin,
                 "backup_keep"))
        self.origins: dict[str, QLabel] = {}
        r = 0
        for label, editor, key in rows:
            title = QLabel(label)
            # Bound to its editor: a screen reader reads the label with the field.
            title.setBuddy(editor.findChild(QLineEdit) if editor is key_box else editor)
            editor.setAccessibleName(label)
            grid.addWidget(title, r, 0)
            grid.addWidget(editor, r, 1)
            origin = QLabel(origin_text(key, self.resolved[key]))
            origin.setObjectName("muted")
            self.origins[key] = origin
            grid.addWidget(origin, r + 1, 1)
            r += 2
            if key in self.errors:
                grid.addWidget(self.errors[key], r, 1)
                r += 1
            locked = self.resolved[key].origin in ("flag", "env")
            if key == API_KEY:
                self.rotate_button.setEnabled(not locked)
            elif isinstance(editor, QLineEdit):
                editor.setReadOnly(locked)
            else:
                editor.setEnabled(not locked)

        intro = QLabel(
            translate(
                "settings_dialog",
                "Apollo reaches Callsheet at this address and port and sends the API"
                " key as <code>Authorization: Bearer &lt;key&gt;</code>. Changing the"
                " address or port restarts the API.",
            )
        )
        intro.setWordWrap(True)
        status = QLabel(api_status)
        status.setObjectName("muted")
        status.setWordWrap(True)
        db = QLabel(translate("settings_dialog", "Database: {db_path}").format(db_path=db_path))
        db.setObjectName("muted")
        db.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addWidget(status)
        layout.addWidget(db)
        if self.this_pc is not None:
            layout.addWidget(self.this_pc)
        layout.addWidget(buttons)
        self.resize(620, 0)

    def _toggle_key(self, shown: bool) -> None:
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Normal if shown
                                  else QLineEdit.EchoMode.Password)
        self.show_key.setText(
            translate("settings_dialog", "Hide") if shown else translate("settings_dialog", "Show")
        )

    def copy_key(self) -> None:
        """Put the API key on the clipboard (it is never logged)."""
        QGuiApplication.clipboard().setText(self.key_edit.text())

    def rotate_key(self) -> None:
        """Make a new key after asking; the old one stops working at once."""
        answer = QMessageBox.question(
            self,
            translate("settings_dialog", "New API key"),
            translate(
                "settings_dialog",
                "Make a new API key? Apollo is refused with the old key from now on, until it is"
                " given the new one.",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.key_edit.setText(rotate_api_key(self.ctx.store))
        self.key_rotated = True
        self.origins[API_KEY].setText(translate("settings_dialog", "saved in this database (new)"))

    def accept(self) -> None:
        if self.this_pc is not None and self.this_pc.validate() is not None:
            return
        store = self.ctx.store
        host = self.host_edit.text().strip()
        for label in self.errors.values():
            label.hide()
        try:
            port = str(check_port(self.port_edit.text().strip()))
        except ValidationError as e:
            self._error("port", said(e))
            return
        moves = (host, port) != (self.resolved["host"].value or "",
                                 self.resolved["port"].value or "")
        if self.try_listen is not None and (moves or self.api_failed):
            # Bind first: a wrong address or a taken port keeps the dialog open, and the
            # running API serves on until the new one listens.
            problem = self.try_listen(host, port)
            if problem is not None:
                self._error(*problem)
                return
            self.api_moved = True
        region = self.region_combo.currentData()
        keep = str(self.keep_spin.value())
        for key, value in (("host", host), ("port", port), ("region", region),
                           ("backup_keep", keep)):
            if self.resolved[key].origin in ("flag", "env"):
                continue
            if value != (self.resolved[key].value or ""):
                store.set_setting(key, value)
                self.changed.add(key)
        self.host, self.port, self.region = host, port, region
        self.backup_keep = int(keep)
        if self.this_pc is not None:
            self.local_changed = self.this_pc.save(self.local_path)
        super().accept()

    def _error(self, field: str, message: str) -> None:
        label = self.errors.get(field, self.port_error)
        label.setText(message)
        label.show()
        editor = self.host_edit if field == "host" else self.port_edit
        editor.setFocus()
        editor.selectAll()
