"""Importing companies and persons from a CSV file: pick the file, check how its
columns map to fields (guessed from the headers), see the first rows as they
will be stored, decide about possible duplicates, import, read the report.

The check runs here on the GUI thread (it only reads); the import runs on a
worker thread with its own connection, in one transaction, so Cancel rolls
back everything and the window stays responsive meanwhile.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QThread, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shared.csv_import import (
    DECISIONS,
    IGNORE,
    TARGETS,
    CsvFile,
    Decision,
    ImportCancelled,
    Importer,
    ImportPlan,
    ImportReport,
    RowPlan,
    failed_rows_csv,
    guess_mapping,
    preview_value,
    read_csv,
)
from shared.database import connect
from shared.errors import CallsheetError
from shared.model import Actor
from shared.store import Store

from . import file_dialogs
from .context import DesktopContext
from .i18n import said, translate
from .style import themed

# The delimiter's name in the file line ("semicolon-separated").
_DELIMITERS = {"\t": QT_TRANSLATE_NOOP("import_dialog", "tab"),
               ";": QT_TRANSLATE_NOOP("import_dialog", "semicolon"),
               ",": QT_TRANSLATE_NOOP("import_dialog", "comma"),
               "|": QT_TRANSLATE_NOOP("import_dialog", "bar")}

PREVIEW_ROWS = 25
PAGE_FILE, PAGE_DUPLICATES, PAGE_REPORT = range(3)
DECISION_LABELS = {
    "merge": QT_TRANSLATE_NOOP("import_dialog", "Merge into existing"),
    "skip": QT_TRANSLATE_NOOP("import_dialog", "Skip"),
    "import": QT_TRANSLATE_NOOP("import_dialog", "Import anyway"),
}
PREVIEW_COLUMNS = (
    (QT_TRANSLATE_NOOP("import_dialog", "Row"), None),
    (QT_TRANSLATE_NOOP("import_dialog", "Company"), "company.name"),
    (QT_TRANSLATE_NOOP("import_dialog", "First name"), "person.firstName"),
    (QT_TRANSLATE_NOOP("import_dialog", "Last name"), "person.lastName"),
    (QT_TRANSLATE_NOOP("import_dialog", "Phone"), None),
    (QT_TRANSLATE_NOOP("import_dialog", "E-mail"), None),
    (QT_TRANSLATE_NOOP("import_dialog", "City"), None),
    (QT_TRANSLATE_NOOP("import_dialog", "Country"), "company.country"),
)


def row_status(rp: RowPlan, kind: str) -> tuple[str, str, str]:
    """A preview row's check column: its text, colour and tooltip (the reasons)."""
    person = kind == "person"
    if rp.errors:
        return (translate("import_dialog", "✗ cannot import"), "#b71c1c",
                "; ".join(said(e) for e in rp.errors))
    if rp.matches:
        return (translate("import_dialog", "⚠ duplicate?"), "#a16207",
                translate("import_dialog", "Looks like {matches}").format(
                    matches="; ".join(said(m.text) for m in rp.matches)))
    if rp.left_out:
        left = ", ".join(e.column for e in rp.left_out)
        text = (translate("import_dialog", "⚠ new person, without {columns}") if person
                else translate("import_dialog", "⚠ new company, without {columns}"))
        return (text.format(columns=left), "#a16207",
                "; ".join(said(e) for e in rp.left_out))
    if rp.check:
        text = (translate("import_dialog", "⚠ new person, check {column}") if person
                else translate("import_dialog", "⚠ new company, check {column}"))
        return (text.format(column=rp.check[0].column), "#a16207",
                "; ".join(said(e) for e in rp.check))
    return (translate("import_dialog", "✓ new person") if person
            else translate("import_dialog", "✓ new company"), "#15803d", "")


def database_path(store: Store) -> str:
    """The database the store is on, a file or a postgresql:// URL (the worker opens
    its own connection)."""
    return store.address()


class ImportWorker(QThread):
    """Runs an analysed import on its own connection; the transaction is all or nothing."""

    progressed = Signal(int, int)
    done = Signal(object)  # ImportReport
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, db_path: str, plan: ImportPlan, decisions: dict[int, Decision],
                 region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.plan = plan
        self.decisions = decisions
        self.region = region
        self.stop = threading.Event()

    def run(self) -> None:
        store = Store(connect(self.db_path))
        try:
            importer = Importer(store, region=self.region, actor=Actor.desktop())
            report = importer.run(self.plan, self.decisions,
                                  progress=lambda n, t: self.progressed.emit(n, t),
                                  cancelled=self.stop.is_set)
        except ImportCancelled:
            self.cancelled.emit()
        except Exception as e:  # reported in the dialog; the transaction rolled back
            self.failed.emit(said(e))
        else:
            self.done.emit(report)
        finally:
            store.db.close()


def rows_text(n: int) -> str:
    """"1 row", "12 rows" in the language shown."""
    return (translate("import_dialog", "{n:,} rows") if n != 1
            else translate("import_dialog", "1 row")).format(n=n)


class ImportDialog(QDialog):
    """The CSV import, in three steps. Results: ``plan``, ``report``."""

    imported = Signal(object)  # ImportReport, after a committed import

    def __init__(self, ctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(translate("import_dialog", "Import contacts from CSV"))
        self.resize(1020, 720)
        self.file: CsvFile | None = None
        self.plan: ImportPlan | None = None
        self.report: ImportReport | None = None
        self.worker: ImportWorker | None = None
        self._cancel = False
        self._combos: list[QComboBox] = []
        self._decision_combos: dict[int, QComboBox] = {}

        self.pages = QStackedWidget()
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._duplicates_page())
        self.pages.addWidget(self._report_page())

        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.back = QPushButton(translate("import_dialog", "Back"))
        self.back.clicked.connect(self.go_back)
        self.next = QPushButton(translate("import_dialog", "Check rows…"))
        self.next.setObjectName("primary")
        self.next.clicked.connect(self.go_next)
        self.cancel = QPushButton(translate("import_dialog", "Cancel"))
        self.cancel.clicked.connect(self.cancel_or_close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.back)
        buttons.addWidget(self.next)
        buttons.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- pages --------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget()
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(
            translate(
                "import_dialog", "Choose a CSV file exported from Excel, Outlook or another CRM"
            )
        )
        choose = self.choose_button = QPushButton(translate("import_dialog", "Choose file…"))
        choose.clicked.connect(self.choose_file)
        self.file_info = QLabel()
        self.file_info.setObjectName("muted")
        self.mapping = QTableWidget(0, 3)
        self.mapping.setHorizontalHeaderLabels(
            [
                translate("import_dialog", "Column in the file"),
                translate("import_dialog", "First value"),
                translate("import_dialog", "Imported as"),
            ]
        )
        self.mapping.verticalHeader().setVisible(False)
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping.setWordWrap(False)
        hh = self.mapping.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.mapping.setColumnWidth(2, 210)
        self.preview = QTableWidget(0, len(PREVIEW_COLUMNS) + 1)
        self.preview.setHorizontalHeaderLabels(
            [translate("import_dialog", PREVIEW_COLUMNS[0][0]), translate("import_dialog", "Check")]
            + [translate("import_dialog", c) for c, _ in PREVIEW_COLUMNS[1:]])
        self.preview.setWordWrap(False)
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(True)
        self.preview.horizontalHeader().setStretchLastSection(True)
        for i, w in enumerate((40, 118, 165, 80, 80, 115, 175, 85, 55)):
            self.preview.setColumnWidth(i, w)

        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        title = QLabel(translate("import_dialog", "1 · File and columns"))
        title.setObjectName("pageTitle")
        cols = QLabel(translate("import_dialog", "Columns"))
        cols.setObjectName("sectionTitle")
        prev = QLabel(
            translate(
                "import_dialog", "Preview: the first {PREVIEW_ROWS} rows as they will be stored"
            ).format(PREVIEW_ROWS=PREVIEW_ROWS)
        )
        prev.setObjectName("sectionTitle")
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(cols)
        left.addWidget(self.mapping, 1)
        right = QVBoxLayout()
        right.addWidget(prev)
        right.addWidget(self.preview, 1)
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.file_info)
        layout.addLayout(body, 1)
        return page

    def _duplicates_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(translate("import_dialog", "2 · Possible duplicates"))
        title.setObjectName("pageTitle")
        self.check_summary = QLabel()
        self.check_summary.setWordWrap(True)
        self.all_decision = QComboBox()
        for d in DECISIONS:
            self.all_decision.addItem(translate("import_dialog", DECISION_LABELS[d]), d)
        self.all_decision.setCurrentIndex(DECISIONS.index("skip"))
        apply_all = QPushButton(translate("import_dialog", "Apply to all"))
        apply_all.clicked.connect(self.apply_to_all)
        self.dupes = QTableWidget(0, 4)
        self.dupes.setHorizontalHeaderLabels(
            [
                translate("import_dialog", "Row"),
                translate("import_dialog", "In the file"),
                translate("import_dialog", "Looks like"),
                translate("import_dialog", "What to do"),
            ]
        )
        self.dupes.verticalHeader().setVisible(False)
        self.dupes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.dupes.setAlternatingRowColors(True)
        hh = self.dupes.horizontalHeader()
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.dupes.setColumnWidth(0, 50)
        self.dupes.setColumnWidth(1, 250)
        self.dupes.setColumnWidth(3, 190)
        self.dnc_warning = QLabel()
        self.dnc_warning.setObjectName("fieldWarning")
        self.dnc_warning.setWordWrap(True)
        self.dnc_warning.hide()
        self.errors_box = QPlainTextEdit()
        self.errors_box.setReadOnly(True)
        self.errors_box.setMaximumHeight(130)
        row = QHBoxLayout()
        row.addWidget(self.check_summary, 1)
        row.addWidget(QLabel(translate("import_dialog", "For every row:")))
        row.addWidget(self.all_decision)
        row.addWidget(apply_all)
        errors = QLabel(
            translate(
                "import_dialog",
                "Rows that cannot be imported (fix them in the file, or import the"
                " rest and fix them later), and fields left out",
            )
        )
        errors.setObjectName("sectionTitle")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.dupes, 1)
        layout.addWidget(self.dnc_warning)
        layout.addWidget(errors)
        layout.addWidget(self.errors_box)
        return page

    def _report_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(translate("import_dialog", "3 · Report"))
        title.setObjectName("pageTitle")
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setStyleSheet("font-size: 14px;")
        self.report_text = QPlainTextEdit()
        self.report_text.setReadOnly(True)
        self.save_report = QPushButton(translate("import_dialog", "Save failed rows…"))
        self.save_report.setToolTip(
            translate("import_dialog", "The failed rows as CSV, with why, to fix and import again")
        )
        self.save_report.clicked.connect(self.save_failed_rows)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_report)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(title)
        layout.addWidget(self.result)
        layout.addWidget(self.report_text, 1)
        layout.addLayout(row)
        return page

    # -- step 1: file and mapping -------------------------------------------

    def choose_file(self) -> None:
        """Ask for a CSV file and load it."""
        path, _ = file_dialogs.open_file_name(
            self,
            translate("import_dialog", "Import CSV"),
            Path.home(),
            translate("import_dialog", "CSV files (*.csv *.txt);;All files (*)"),
            database=self.ctx.db_path,
        )
        if path:
            self.load(path)

    def load(self, path: str | Path) -> bool:
        """Read a CSV file and guess its mapping; False (with a message) when unreadable."""
        try:
            self.file = read_csv(path)
        except (CallsheetError, OSError) as e:
            QMessageBox.warning(self, translate("import_dialog", "Cannot read the file"), said(e))
            return False
        f = self.file
        self.path.setText(str(path))
        delim = _DELIMITERS.get(f.delimiter)
        delim = translate("import_dialog", delim) if delim else f.delimiter
        counts = "{} · {}".format(rows_text(len(f.rows)), (
            translate("import_dialog", "{n:,} columns") if len(f.headers) != 1
            else translate("import_dialog", "1 column")).format(n=len(f.headers)))
        self.file_info.setText(
            translate(
                "import_dialog",
                "{counts} · {delim}-separated · {encoding} · phone numbers without +country are "
                "read as {region}",
            ).format(counts=counts, delim=delim, encoding=f.encoding, region=self.ctx.region)
        )
        self._fill_mapping(guess_mapping(f.headers))
        self.update_preview()
        self._update_buttons()
        return True

    def _fill_mapping(self, mapping: list[str]) -> None:
        assert self.file is not None
        self.mapping.setRowCount(len(self.file.headers))
        self._combos = []
        for i, header in enumerate(self.file.headers):
            self.mapping.setItem(i, 0, QTableWidgetItem(
                header or translate("import_dialog", "(column {n})").format(n=i + 1)))
            example = next((r[i] for r in self.file.rows if r[i].strip()), "")
            item = QTableWidgetItem(example)
            item.setForeground(QColor(themed("#6b7280")))
            self.mapping.setItem(i, 1, item)
            combo = QComboBox()
            combo.addItem(translate("import_dialog", "— not imported —"), IGNORE)
            for t in TARGETS:
                combo.addItem(said(t.label), t.key)
            combo.setCurrentIndex(max(0, combo.findData(mapping[i])))
            combo.currentIndexChanged.connect(lambda *_: self.update_preview())
            self.mapping.setCellWidget(i, 2, combo)
            self._combos.append(combo)

    def current_mapping(self) -> list[str]:
        """The field each column goes to, as chosen."""
        return [c.currentData() for c in self._combos]

    def set_mapping(self, column: int, target: str) -> None:
        """Choose the field of a column (the combo box, for tests and shortcuts)."""
        combo = self._combos[column]
        combo.setCurrentIndex(combo.findData(target))

    def update_preview(self) -> None:
        """Check the first rows with the chosen mapping and show them as stored."""
        if self.file is None:
            return
        f = self.file
        head = CsvFile(f.headers, f.rows[:PREVIEW_ROWS], f.lines[:PREVIEW_ROWS], f.delimiter,
                       f.encoding, f.name)
        try:
            plan = Importer(self.ctx.store, region=self.ctx.region).analyse(
                head, self.current_mapping())
        except CallsheetError as e:
            self.preview.setRowCount(0)
            self.file_info.setText(f"⚠ {e}")
            self.file_info.setStyleSheet(themed("color: #b71c1c;"))
            self.next.setEnabled(False)
            return
        self.file_info.setStyleSheet("")
        self.next.setEnabled(True)
        self.preview.setRowCount(len(plan.rows))
        for r, rp in enumerate(plan.rows):
            kind = "person" if rp.person_cols else "company"
            values = [str(rp.row)]
            for label, target in PREVIEW_COLUMNS[1:]:
                if target is None:
                    api = {"Phone": "phone", "E-mail": "email", "City": "city"}[label]
                    target = f"{kind}.{api}"
                    value = preview_value(plan, rp, target)
                    if not value and kind == "person":
                        value = preview_value(plan, rp, f"company.{api}")
                else:
                    value = preview_value(plan, rp, target)
                values.append(value)
            status, color, tip = row_status(rp, kind)
            values.insert(1, status)
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                if c == 1:
                    item.setForeground(QColor(themed(color)))
                    item.setToolTip(tip or v)
                self.preview.setItem(r, c, item)

    # -- step 2: check and decide -------------------------------------------

    def analyse(self) -> bool:
        """Check every row (with a progress bar and Cancel); False when cancelled."""
        assert self.file is not None
        self._cancel = False
        self._busy(True, translate("import_dialog", "Checking rows… %v of %m"))

        def progress(n: int, total: int) -> None:
            self.progress.setMaximum(total)
            self.progress.setValue(n)
            QApplication.processEvents()

        try:
            self.plan = Importer(self.ctx.store, region=self.ctx.region).analyse(
                self.file, self.current_mapping(), progress=progress,
                cancelled=lambda: self._cancel)
        except ImportCancelled:
            return False
        except CallsheetError as e:
            QMessageBox.warning(self, translate("import_dialog", "Cannot import"), said(e))
            return False
        finally:
            self._busy(False)
        self._fill_duplicates()
        return True

    def _fill_duplicates(self) -> None:
        plan = self.plan
        assert plan is not None
        dupes, failed = plan.duplicates, plan.failed
        ok = len(plan.rows) - len(failed)
        rows = len(plan.rows)
        self.check_summary.setText(
            translate(
                "import_dialog",
                "<b>{ok:,}</b> of {rows} can be imported; {dupes} like contacts you have (or"
                " earlier rows of the file), <b>{failed:,}</b> cannot be imported.",
            ).format(ok=ok, rows=rows_text(rows), failed=len(failed), dupes=(
                translate("import_dialog", "<b>{n:,}</b> look") if len(dupes) != 1
                else translate("import_dialog", "<b>1</b> looks")).format(n=len(dupes)))
            if dupes or failed
            else (
                translate("import_dialog", "All <b>{rows:,}</b> rows can be imported").format(
                    rows=rows)
                if rows != 1
                else translate("import_dialog", "The <b>1</b> row can be imported")
            )
            + translate("import_dialog", ", and none looks like a contact you have.")
        )
        self.dupes.setRowCount(len(dupes))
        self._decision_combos = {}
        for r, rp in enumerate(dupes):
            self.dupes.setItem(r, 0, QTableWidgetItem(str(rp.row)))
            self.dupes.setItem(r, 1, QTableWidgetItem(rp.label))
            item = QTableWidgetItem("\n".join(said(m.text) for m in rp.matches))
            item.setToolTip(item.text())
            self.dupes.setItem(r, 2, item)
            combo = QComboBox()
            for d in DECISIONS:
                combo.addItem(translate("import_dialog", DECISION_LABELS[d]), d)
            combo.setCurrentIndex(DECISIONS.index("skip"))
            combo.currentIndexChanged.connect(lambda _: self._check_dnc())
            self.dupes.setCellWidget(r, 3, combo)
            self._decision_combos[rp.row] = combo
        self.dupes.resizeRowsToContents()
        lines = [said(e) + (f"  ({rp.label})" if rp.label else "")
                 for rp in failed for e in rp.errors]
        lines += [translate("import_dialog", "{error}  ({row}; the row is imported without it)")
                  .format(error=said(e), row=rp.label)
                  for rp in plan.rows if rp.ok for e in rp.left_out]
        self.errors_box.setPlainText("\n".join(lines) or translate("import_dialog", "None."))
        self._check_dnc()

    def _check_dnc(self) -> None:
        """Say so when "Import anyway" would copy a contact flagged do-not-call."""
        if self.plan is None:
            return
        decisions = self.decisions()
        copies = [(rp, rp.dnc_match) for rp in self.plan.duplicates
                  if decisions.get(rp.row) == "import" and rp.dnc_match is not None]
        self.dnc_warning.setText("\n".join(
            translate("import_dialog", "⚠ Row {row}: {label} is flagged do-not-call. Importing"
                      " it anyway makes a copy, and the copy is flagged do-not-call too.")
            .format(row=rp.row, label=m.label) for rp, m in copies))
        self.dnc_warning.setVisible(bool(copies))

    def apply_to_all(self) -> None:
        """Give every duplicate row the decision chosen for all."""
        for combo in self._decision_combos.values():
            combo.setCurrentIndex(self.all_decision.currentIndex())

    def set_decision(self, row: int, decision: Decision) -> None:
        """Decide about one row (by its line in the file)."""
        self._decision_combos[row].setCurrentIndex(DECISIONS.index(decision))

    def decisions(self) -> dict[int, Decision]:
        """The decision for each duplicate row, by its line in the file."""
        return {row: c.currentData() for row, c in self._decision_combos.items()}

    # -- step 3: import ------------------------------------------------------

    def start_import(self) -> ImportWorker:
        """Run the import on a worker thread; the report page shows when it ends."""
        assert self.plan is not None
        self._busy(True, translate("import_dialog", "Importing… %v of %m rows"))
        self.progress.setMaximum(max(1, len(self.plan.rows)))
        self.worker = ImportWorker(database_path(self.ctx.store), self.plan, self.decisions(),
                                   self.ctx.region, self)
        self.worker.progressed.connect(self._progressed)
        self.worker.done.connect(self._import_done)
        self.worker.cancelled.connect(
            lambda: self._import_ended(
                translate(
                    "import_dialog",
                    "Import cancelled. Nothing was imported: the database is as it was.",
                )
            )
        )
        self.worker.failed.connect(
            lambda msg: self._import_ended(
                translate(
                    "import_dialog",
                    "The import failed and was rolled back; nothing was imported.\n\n{msg}",
                ).format(msg=msg)
            )
        )
        self.worker.start()
        return self.worker

    def _progressed(self, n: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(n)

    def _import_done(self, report: ImportReport) -> None:
        self.report = report
        self._import_ended(said(report.summary()), report)
        self.ctx.wrote()
        self.imported.emit(report)

    def _import_ended(self, message: str, report: ImportReport | None = None) -> None:
        self._busy(False)
        self.result.setText(message)
        if report is not None and (report.failed or report.left_out):
            text = report.text()
            self.report_text.setPlainText(text[text.index("\n") + 1:])
        else:
            self.report_text.setPlainText(
                ""
                if report is None
                else translate(
                    "import_dialog", "Every row was imported, merged or skipped as decided."
                )
            )
        self.save_report.setEnabled(bool(report and report.failed))
        self.pages.setCurrentIndex(PAGE_REPORT)
        self._update_buttons()

    def save_failed_rows(self) -> None:
        """Save the failed rows, with why, as CSV."""
        if self.plan is None or self.report is None:
            return
        path, _ = file_dialogs.save_file_name(
            self,
            translate("import_dialog", "Save failed rows"),
            Path.home() / "failed-rows.csv",
            translate("import_dialog", "CSV files (*.csv)"),
            database=self.ctx.db_path,
        )
        if path:
            failed_rows_csv(self.plan, self.report, path)

    # -- navigation ----------------------------------------------------------

    def go_next(self) -> None:
        """Check the rows (step 1 → 2) or import (step 2 → 3)."""
        page = self.pages.currentIndex()
        if page == PAGE_FILE and self.file is not None:
            if self.analyse():
                self.pages.setCurrentIndex(PAGE_DUPLICATES)
        elif page == PAGE_DUPLICATES:
            self.start_import()
        elif page == PAGE_REPORT:
            self.accept()
        self._update_buttons()

    def go_back(self) -> None:
        if self.pages.currentIndex() == PAGE_DUPLICATES:
            self.pages.setCurrentIndex(PAGE_FILE)
        self._update_buttons()

    def cancel_or_close(self) -> None:
        """Cancel what is running (the import rolls back), else close."""
        if self.worker is not None and self.worker.isRunning():
            self.worker.stop.set()
            self.cancel.setEnabled(False)
        elif self.progress.isVisible():
            self._cancel = True
        else:
            self.reject()

    def _busy(self, busy: bool, fmt: str = "") -> None:
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        if fmt:
            self.progress.setFormat(fmt)
        self.next.setEnabled(not busy)
        self.back.setEnabled(not busy)
        self.cancel.setEnabled(True)
        self.pages.setEnabled(not busy)

    def _update_buttons(self) -> None:
        page = self.pages.currentIndex()
        self.back.setVisible(page == PAGE_DUPLICATES)
        self.next.setText({PAGE_FILE: translate("import_dialog", "Check rows…"),
                           PAGE_DUPLICATES: translate("import_dialog", "Import"),
                           PAGE_REPORT: translate("import_dialog", "Done")}[page])
        self.next.setEnabled(self.file is not None and not self.progress.isVisible())
        self.cancel.setText(
            translate("import_dialog", "Close")
            if page == PAGE_REPORT
            else translate("import_dialog", "Cancel")
        )
        self.cancel.setVisible(page != PAGE_REPORT)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.worker is not None and self.worker.isRunning():
            self.worker.stop.set()
            self.worker.wait()
        super().closeEvent(event)

    def reject(self) -> None:
        if self.worker is not None and self.worker.isRunning():
            self.worker.stop.set()
            self.worker.wait()
        super().reject()
