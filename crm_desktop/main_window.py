"""The main window: navigation on the left, the chosen list in the middle, contact
cards on the right, the search field on top and the API's state at the bottom."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStyle,
    QSystemTrayIcon,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from crm_api.context import RequestInfo
from shared import retention
from shared.errors import CallsheetError, NotFound
from shared.local_settings import LocalSettings, pc_name
from shared.model import Actor, ContactRef, ContactView, set_desktop_identity
from shared.settings import API_KEY, resolve
from shared.store import Store
from shared.versions import app_info, version_text

from . import file_dialogs
from .api_controller import ApiController
from .backups import BackupController
from .calls_view import CallsView
from .campaigns_view import CampaignsView
from .company_card import CompanyCard
from .contact_card import CARD_KEYS, ContactCard
from .contacts_view import LIST_KEYS, ContactsListView
from .context import DesktopContext
from .dashboard_view import DashboardView
from .duplicates_view import DuplicatesView
from .edit_menu import EditMenu
from .i18n import noun, said, translate
from .icons import app_icon
from .import_dialog import ImportDialog
from .live import LivePoller
from .lookup_tester import LookupTester
from .my_tasks_view import MyTasksView, TodoReminder, due_text
from .panes import (
    CurrentPageStack,
    ElidedLabel,
    WrapDelegate,
    elided,
    remember_card_width,
    remembered_card_width,
    scrolled,
    tab_text,
)
from .person_card import PersonCard
from .personal_data import erase_personal_data, export_personal_data
from .pg_live import PgLive
from .pop_notice import PopNotice
from .privacy_view import PrivacyView, RetentionTimer
from .saved_filters import SavedFilter, SavedFiltersList
from .search_box import SearchBox
from .settings_dialog import SettingsDialog
from .shortcuts_dialog import ShortcutsDialog
from .style import themed
from .tasks_view import TasksView
from .trash_view import TrashView
from .unknown_callers_view import UnknownCallersView

(PAGE_COMPANIES, PAGE_PERSONS, PAGE_CAMPAIGNS, PAGE_TASKS, PAGE_CALLS, PAGE_LOOKUP,
 PAGE_DASHBOARD, PAGE_DUPLICATES, PAGE_UNKNOWN, PAGE_MY_TASKS, PAGE_TRASH,
 PAGE_PRIVACY) = range(12)
PAGE_TITLES = (
    QT_TRANSLATE_NOOP("main_window", "Companies"),
    QT_TRANSLATE_NOOP("main_window", "Persons"),
    QT_TRANSLATE_NOOP("main_window", "Campaigns"),
    QT_TRANSLATE_NOOP("main_window", "Tasks"),
    QT_TRANSLATE_NOOP("main_window", "Calls"),
    QT_TRANSLATE_NOOP("main_window", "Lookup tester"),
    QT_TRANSLATE_NOOP("main_window", "Dashboard"),
    QT_TRANSLATE_NOOP("main_window", "Duplicates"),
    QT_TRANSLATE_NOOP("main_window", "Unknown callers"),
    QT_TRANSLATE_NOOP("main_window", "My tasks"),
    QT_TRANSLATE_NOOP("main_window", "Recently deleted"),
    QT_TRANSLATE_NOOP("main_window", "Privacy"),
)
PURGE_CHECK_MS = 60 * 60 * 1000  # what was deleted 30 days ago goes within the hour


def nav_width(nav: QListWidget) -> int:
    """The navigation's width: 170 px, or more if a single word of a page title would
    not fit. Longer titles (German ones: "Unbekannte Anrufer") wrap onto a second line
    (WrapDelegate) rather than widen the pane: the list and the card beside it need
    the room, and nothing is cut off or scrolls sideways."""
    nav.ensurePolished()
    metrics = nav.fontMetrics()
    word = max((metrics.horizontalAdvance(w) for i in range(nav.count())
                for w in nav.item(i).text().split()), default=0)
    one = nav.sizeHintForIndex(nav.model().index(0, 0)).width()
    # What the style puts around a title (padding, margins: style.py's #nav::item).
    padding = one - metrics.horizontalAdvance(nav.item(0).text()) if nav.count() else 0
    # Room for a vertical scroll bar, which a low window gives the list.
    bar = nav.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, nav)
    return max(170, word + padding + bar)


def page_key(page: int) -> str:
    """The Go menu's key of a page: Ctrl+1 ... Ctrl+9, Ctrl+0, then Ctrl+Alt+1 ..."""
    return f"Ctrl+{(page + 1) % 10}" if page < 10 else f"Ctrl+Alt+{page - 9}"


@dataclass
class DesktopOptions:
    """How the window was started: command-line values (they win over everything but are
    None when not given) and whether to serve the API."""

    flags: dict[str, str | None] = field(default_factory=dict)
    api_enabled: bool = True
    daily_backups: bool = True
    # Team mode: the store is on this shared PostgreSQL database (URL without password).
    shared_url: str | None = None
    # This PC's own settings (which database, serve the API, pop cards, your name) and
    # the file they are saved to (None: the user's configuration folder).
    local: LocalSettings = field(default_factory=LocalSettings)
    local_path: Path | None = None
    # Opens a new store on the shared database: after the server was away, the old
    # connection is dead, and the window swaps in a new one when the listener is back.
    reopen_store: Callable[[], Store] | None = None


class MainWindow(QMainWindow):
    """Callsheet's window, with the embedded API and the live poller."""

    def __init__(self, store: Store, db_path: str | Path,
                 options: DesktopOptions | None = None) -> None:
        super().__init__()
        self.options = options or DesktopOptions()
        self.db_path = Path(db_path)
        self.store = store
        # A shared database has no file on this PC for the file dialogs to keep clear of.
        self.ctx = DesktopContext(store, region=self._setting("region") or "DE",
                                  db_path=None if self.options.shared_url else Path(db_path))
        self.local = self.options.local
        self.shared_url = self.options.shared_url
        # The audit trail names the person and the PC, not only "desktop".
        set_desktop_identity(self.local.person(), pc_name())
        self.live: LivePoller | PgLive
        if self.shared_url:
            # Other PCs' changes arrive by LISTEN/NOTIFY, not by polling every table.
            self.live = PgLive(self.shared_url, self,
                               application_name=f"callsheet desktop {pc_name()}"[:63])
        else:
            self.live = LivePoller(store, self)
        self.ctx.wrote = self.live.poke
        self.api = ApiController(self.shared_url or self.db_path, self)
        self.last_request: RequestInfo | None = None
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.api_error: str | None = None  # the last failed request's, until one succeeds
        self._stale: set[int] = set()
        self._stale_pages: set[int] = set()
        self.name, self.version = app_info()
        self.setWindowTitle(self.name)
        icon = app_icon()
        if not icon.isNull():
            self.setWindowIcon(icon)
        self.resize(1280, 800)
        self._build()
        self._build_team()
        self._build_menus()
        self.api.status_changed.connect(self._show_api_status)
        self.api.connect_request_slot(self._request_served)
        self.live.changed.connect(self.refresh_views)
        self.live.screen_pop.connect(self.screen_pop)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self.windowIcon(), self)
            self.tray.setToolTip(self.name)
            self.tray.activated.connect(lambda *_: self.bring_to_front())
            self.tray.show()
        if not self.options.api_enabled:
            self.api.disable(translate("main_window", "API off (started with --no-api)"))
        elif self.serves_api():
            self.start_api()
        else:
            self.api.disable(self._office_api_text())
        self.live.start()
        self.reminder = TodoReminder(store, self)
        self.reminder.due.connect(self.todos_due)
        self.reminder.start()
        self.backups = BackupController(self.db_path, lambda: self._setting("backup_keep"), self)
        self.backups.finished.connect(self.notify)
        self.backups.failed.connect(self.notify)
        if self.options.daily_backups and not self.shared_url:
            # A shared database is backed up on its server (callsheet-api backup).
            self.backups.start()
        self.purge_timer = QTimer(self)
        self.purge_timer.setInterval(PURGE_CHECK_MS)
        self.purge_timer.timeout.connect(self.purge_deleted)
        self.purge_timer.start()
        self.purge_deleted()
        self.retention = RetentionTimer(self.ctx, self.db_path, self)
        self.retention.ran.connect(self.notify)
        if not self.shared_url:
            # The retention run opens the SQLite file; a shared database's rules are
            # applied by its API service (callsheet-api serve), once for every PC.
            self.retention.start()
        self.go(PAGE_COMPANIES)

    def _setting(self, key: str) -> str | None:
        return resolve(key, self.options.flags.get(key), self.store).value

    # -- building ---------------------------------------------------------

    def _build(self) -> None:
        ctx = self.ctx
        self.search = SearchBox(ctx)
        self.search.contact_chosen.connect(self.open_contact)
        toolbar = QToolBar(translate("main_window", "Search"))
        toolbar.setMovable(False)
        toolbar.setObjectName("mainToolbar")
        title = QLabel(f"<b>{escape(self.name)}</b>")
        title.setStyleSheet(themed("font-size: 15px; padding-right: 16px; color: #1f2937;"))
        toolbar.addWidget(title)
        toolbar.addWidget(self.search)
        self.addToolBar(toolbar)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.addItems([translate("main_window", t) for t in PAGE_TITLES])
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setWordWrap(True)
        self.nav.setResizeMode(QListWidget.ResizeMode.Adjust)
        for i in range(self.nav.count()):
            self.nav.item(i).setToolTip(page_key(i))
        self.nav.currentRowChanged.connect(self._page_changed)
        self.saved = SavedFiltersList()
        self.saved.chosen.connect(self.show_saved_filter)
        saved_title = QLabel(translate("main_window", "&Saved filters"))
        saved_title.setObjectName("navSection")
        saved_title.setBuddy(self.saved)
        self.nav_panel = QWidget()
        self.nav_panel.setObjectName("navPanel")
        self.nav_panel.setFixedWidth(nav_width(self.nav))
        self.nav.setFixedWidth(self.nav_panel.width())
        self.nav.setItemDelegate(WrapDelegate(self.nav))  # after nav_width: it reads one line
        nav_layout = QVBoxLayout(self.nav_panel)
        nav_layout.setContentsMargins(0, 0, 0, 0)
        nav_layout.setSpacing(4)
        nav_layout.addWidget(self.nav, 3)
        nav_layout.addWidget(saved_title)
        nav_layout.addWidget(self.saved, 1)

        self.companies = ContactsListView(ctx, "company")
        self.persons = ContactsListView(ctx, "person")
        self.campaigns = CampaignsView(ctx)
        self.tasks = TasksView(ctx)
        self.calls = CallsView(ctx)
        self.lookup = LookupTester(ctx)
        self.dashboard = DashboardView(ctx)
        self.duplicates = DuplicatesView(ctx)
        self.unknown = UnknownCallersView(ctx)
        self.unknown.create_contact.connect(self.contact_from_number)
        self.my_tasks = MyTasksView(ctx)
        self.trash = TrashView(ctx)
        self.privacy = PrivacyView(ctx)
        self.pages = CurrentPageStack()
        for page in (self.companies, self.persons, self.campaigns, self.tasks, self.calls,
                     self.lookup, self.dashboard, self.duplicates, self.unknown,
                     self.my_tasks, self.trash, self.privacy):
            self.pages.addWidget(page)
            page.open_contact.connect(self.open_contact)
            if hasattr(page, "notice"):
                page.notice.connect(self.notify)
        self.companies.new_requested.connect(self.new_company)
        self.persons.new_requested.connect(lambda: self.new_person())
        for page in (self.companies, self.persons):
            page.import_requested.connect(self.import_csv)
            page.demo_requested.connect(self.load_demo)

        self.cards = QTabWidget()
        self.cards.setObjectName("cards")
        self.cards.setTabsClosable(True)
        self.cards.setMovable(True)
        self.cards.setElideMode(Qt.TextElideMode.ElideRight)
        self.cards.tabCloseRequested.connect(self.close_card)
        self.cards.currentChanged.connect(self._card_changed)
        self.card_panel = QWidget()
        self.card_panel.setObjectName("cardPanel")
        panel = QVBoxLayout(self.card_panel)
        panel.setContentsMargins(0, 6, 0, 0)
        panel.addWidget(scrolled(self.cards))
        self.card_panel.hide()

        self.split = QSplitter()
        self.split.addWidget(self.nav_panel)
        self.split.addWidget(scrolled(self.pages))
        self.split.addWidget(self.card_panel)
        # The width the person drags the card panel to is kept for the next start.
        self.split.splitterMoved.connect(
            lambda *_: self.card_panel.isVisible() and remember_card_width(self.split.sizes()[2]))
        self.split.setCollapsible(0, False)
        self.split.setCollapsible(1, False)
        self.split.setStretchFactor(0, 0)
        self.split.setStretchFactor(1, 1)
        self.split.setStretchFactor(2, 1)
        # The navigation has a fixed width; without this its pane starts wider than it.
        self.split.setSizes([self.nav_panel.width(), 1110, 0])
        self.setCentralWidget(self.split)

        self.api_label = QLabel()
        self.api_label.setTextFormat(Qt.TextFormat.RichText)
        self.request_label = ElidedLabel(translate("main_window", "No API request yet"))
        self.request_label.setObjectName("muted")
        # Long paths must not widen the window.
        self.request_label.setMaximumWidth(560)
        self.statusBar().addPermanentWidget(self.request_label)
        self.statusBar().addPermanentWidget(self.api_label)

    def _build_menus(self) -> None:
        def action(menu: object, text: str, slot: object, *keys: str | QKeySequence) -> QAction:
            a = QAction(text, self)
            if keys:
                a.setShortcuts([QKeySequence(k) for k in keys])
            a.triggered.connect(slot)
            menu.addAction(a)  # type: ignore[attr-defined]
            return a

        bar = self.menuBar()
        file = bar.addMenu(translate("main_window", "&File"))
        action(file, translate("main_window", "New &company"), self.new_company, "Ctrl+Shift+C")
        action(
            file, translate("main_window", "New &person"), lambda: self.new_person(), "Ctrl+Shift+N"
        )
        file.addSeparator()
        action(file, translate("main_window", "&Import CSV…"), self.import_csv, "Ctrl+I")
        export = file.addMenu(translate("main_window", "&Export"))
        # Two-key chords (Ctrl+E, then a letter): every action has a key, none is taken twice.
        for what, key in (("companies", "C"), ("persons", "P"), ("calls", "L"), ("tasks", "T")):
            action(
                export,
                translate("main_window", what.capitalize()) + "…",
                lambda _=False, w=what: self.export(w),
                f"Ctrl+E, {key}",
            )
        action(
            export,
            translate("main_window", "Contacts as &vCard…"),
            lambda: self.export("vcard"),
            "Ctrl+E, V",
        )
        file.addSeparator()
        # Not the slot itself: triggered(bool) would pass `checked` as the path.
        action(
            file,
            translate("main_window", "&Back up database…"),
            lambda: self.backup_now(),
            "Ctrl+B",
        )
        action(
            file,
            translate("main_window", "Open backups &folder"),
            self.open_backups_folder,
            "Ctrl+Shift+B",
        )
        file.addSeparator()
        action(file, translate("main_window", "&Settings…"), self.open_settings, "Ctrl+,")
        action(
            file,
            translate("main_window", "P&rivacy settings…"),
            lambda: self.privacy.open_settings(),
            "Ctrl+Shift+,",
        )
        file.addSeparator()
        action(file, translate("main_window", "&Quit"), self.close, "Ctrl+Q")
        self.edit_menu = EditMenu(
            self, bar.addMenu(translate("main_window", "&Edit")), self.current_card
        )
        go = bar.addMenu(translate("main_window", "&Go"))
        action(go, translate("main_window", "&Search"), self.focus_search, "Ctrl+K", "Ctrl+F")
        go.addSeparator()
        for i, title in enumerate(PAGE_TITLES):
            action(
                go, translate("main_window", title), lambda _=False, i=i: self.go(i), page_key(i)
            )
        go.addSeparator()
        action(go, translate("main_window", "&Refresh"), self.refresh_views, "F5")
        action(go, translate("main_window", "Save &filter…"), self.save_filter, "Ctrl+Shift+F")
        card = bar.addMenu(translate("main_window", "&Card"))
        self.note_action = action(
            card, translate("main_window", "New &note…"), self.add_note, "Ctrl+N"
        )
        action(card, translate("main_window", "&Close card"), self.close_current_card, "Ctrl+W")
        action(
            card, translate("main_window", "&Next card"), lambda: self._cycle_card(1), "Ctrl+PgDown"
        )
        action(
            card,
            translate("main_window", "&Previous card"),
            lambda: self._cycle_card(-1),
            "Ctrl+PgUp",
        )
        card.addSeparator()
        # "Ctrl+E, D": the export chords of File ▸ Export, D for the person's data.
        self.export_personal_action = action(
            card,
            translate("main_window", "E&xport personal data…"),
            lambda: self.export_personal_data(),
            "Ctrl+E, D",
        )
        self.erase_personal_action = action(card, translate("main_window", "&Erase personal data…"),
                                            self.erase_personal_data, "Ctrl+Shift+X")
        card.aboutToShow.connect(self._update_privacy_actions)
        self._update_privacy_actions()
        help_ = bar.addMenu(translate("main_window", "&Help"))
        action(help_, translate("main_window", "&Keyboard shortcuts"), self.show_shortcuts, "F1")
        action(
            help_,
            translate("main_window", "Copy &debug info"),
            self.copy_debug_info,
            "Ctrl+Shift+D",
        )
        action(
            help_,
            translate("main_window", "&About {name}").format(name=self.name),
            self.about,
            "Ctrl+F1",
        )

    # -- navigation -------------------------------------------------------

    def go(self, page: int) -> None:
        """Show a page of the left navigation."""
        self.nav.setCurrentRow(page)

    def _page_changed(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        widget = self.pages.currentWidget()
        widget.activate()  # type: ignore[attr-defined]
        if page in self._stale_pages:
            self._stale_pages.discard(page)
            widget.refresh()  # type: ignore[attr-defined]

    FILTER_PAGES = {"companies": PAGE_COMPANIES, "persons": PAGE_PERSONS, "tasks": PAGE_TASKS,
                    "calls": PAGE_CALLS}

    def show_saved_filter(self, saved: SavedFilter) -> None:
        """Go to the saved filter's list and filter it so."""
        page = self.FILTER_PAGES.get(saved.page)
        if page is None:
            return
        self.go(page)
        self.pages.widget(page).apply_filter_state(saved.state)  # type: ignore[attr-defined]

    def save_filter(self) -> SavedFilter | None:
        """Save the current list's filter under a name, shown under Saved filters."""
        page = self.pages.currentIndex()
        names = {v: k for k, v in self.FILTER_PAGES.items()}
        if page not in names:
            self.notify(
                translate(
                    "main_window", "Filters can be saved on Companies, Persons, Tasks and Calls."
                )
            )
            return None
        name, ok = QInputDialog.getText(
            self,
            translate("main_window", "Save filter"),
            translate("main_window", "Name of the filter:"),
        )
        name = name.strip()
        if not ok or not name:
            return None
        saved = SavedFilter(name, names[page],
                            self.pages.widget(page).filter_state())  # type: ignore[attr-defined]
        self.saved.add(saved)
        self.notify(
            translate(
                "main_window", "Saved filter “{name}”: under Saved filters on the left."
            ).format(name=name)
        )
        return saved

    def purge_deleted(self) -> int:
        """Forget what was deleted more than 30 days ago (on start, then hourly); on a
        shared database only when no other PC or server is doing its housekeeping."""
        try:
            with self.store.dialect.exclusive_job(retention.HOUSEKEEPING_JOB) as mine:
                n = self.store.purge_deleted(Actor.desktop()) if mine else 0
        except CallsheetError as e:  # a busy database: the next check tries again
            self.notify(said(e))
            return 0
        if n:
            self.live.check()
        return n

    def focus_search(self) -> None:
        """Put the cursor in the search field."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def notify(self, text: str) -> None:
        """A message in the status bar for a while."""
        bar = self.statusBar()
        # Shortened to the room left of the API's labels, so the texts never overlap.
        room = bar.width() - self.request_label.width() - self.api_label.width() - 32
        db_label = getattr(self, "db_label", None)  # the database in use (team mode)
        room -= db_label.width() + 12 if db_label is not None else 0
        shown = elided(text, bar, room) if bar.isVisible() and room > 80 else text
        bar.showMessage(shown, 8000)
        bar.setToolTip(text)

    # -- cards ------------------------------------------------------------

    def card_list(self) -> list[ContactCard]:
        """The open cards, in tab order."""
        return [self.cards.widget(i) for i in range(self.cards.count())]  # type: ignore[misc]

    def current_card(self) -> ContactCard | None:
        """The card in front, if any."""
        return self.cards.currentWidget()  # type: ignore[return-value]

    def find_card(self, kind: str, record_id: str) -> ContactCard | None:
        """The open card of this contact, if any."""
        for card in self.card_list():
            if card.KIND == kind and card.record_id == record_id:
                return card
        return None

    def _add_card(self, card: ContactCard) -> ContactCard:
        card.open_contact.connect(self.open_contact)
        card.close_requested.connect(lambda c=card: self._remove_card(c))
        card.title_changed.connect(lambda title, c=card: self._retitle(c, title))
        if isinstance(card, CompanyCard):
            card.new_person.connect(self.new_person)
        if not self.card_panel.isVisible():
            self.card_panel.show()
            width = remembered_card_width(600)
            nav = self.nav_panel.width()
            room = self.split.width() - 2 * self.split.handleWidth() - nav
            self.split.setSizes([nav, max(room - width, 280), width])
        i = self.cards.addTab(card, tab_text(card.title_text()))
        self.cards.setTabToolTip(i, card.title_text())
        self.cards.setCurrentIndex(i)
        return card

    def _retitle(self, card: ContactCard, title: str) -> None:
        i = self.cards.indexOf(card)
        if i >= 0:
            self.cards.setTabText(i, tab_text(title))
            self.cards.setTabToolTip(i, title)

    def open_contact(self, kind: str, record_id: str) -> ContactCard | None:
        """Bring the contact's card to the front, opening it if needed."""
        card = self.find_card(kind, record_id)
        if card is None:
            try:
                if kind == "company":
                    self.store.get_company(record_id)
                    card = CompanyCard(self.ctx, record_id)
                else:
                    self.store.get_person(record_id)
                    card = PersonCard(self.ctx, record_id)
            except NotFound as e:
                self.notify(said(e))
                return None
            self._add_card(card)
        else:
            self.cards.setCurrentWidget(card)
        # The card takes the keyboard (Ctrl+S, Ctrl+D, Ctrl+T); again once the search's
        # popup has closed, which gives the focus back to the search field.
        card.focus_first_field()
        QTimer.singleShot(0, lambda c=card: self.cards.indexOf(c) >= 0 and c.focus_first_field())
        return card

    def new_company(self) -> CompanyCard:
        """Open an empty company card."""
        card = CompanyCard(self.ctx, None)
        self._add_card(card)
        card.fields["name"].editor.setFocus()
        return card

    def contact_from_number(self, kind: str, number: str) -> ContactCard:
        """A new company or person card with an unknown caller's number as its phone;
        once it is created, the number's earlier calls are linked to it."""
        from shared.unknown_callers import UnknownCallers

        from .formatting import phone

        card: ContactCard = self.new_company() if kind == "company" else self.new_person()
        card.fields["phone"].set_text(phone(number, self.ctx.region))

        def link(kind: str, record_id: str) -> None:
            ref = ContactRef(record_id, None) if kind == "company" else ContactRef(None,
                                                                                  record_id)
            n = UnknownCallers(self.store).link_calls(number, ref, Actor.desktop())
            card.reload()
            self.notify(
                translate(
                    "main_window", "{v0} created; {n} earlier call(s) of {v3} linked."
                ).format(
                    v0=card.title_text(),
                    n=n,
                    v3=phone(number, self.ctx.region),
                )
            )

        card.created.connect(link)
        return card

    def new_person(self, company_id: str | None = None) -> PersonCard:
        """Open an empty person card (in ``company_id`` when given)."""
        card = PersonCard(self.ctx, None, preset_company=company_id or None)
        self._add_card(card)
        card.fields["firstName"].editor.setFocus()
        return card

    def close_card(self, index: int) -> None:
        """Close a card, asking first when it has unsaved changes."""
        card = self.cards.widget(index)
        if isinstance(card, ContactCard) and card.has_unsaved():
            answer = QMessageBox.question(
                self,
                translate("main_window", "Unsaved changes"),
                translate(
                    "main_window", "{v0} has unsaved changes. Close it and lose them?"
                ).format(v0=card.title_text()),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._remove_card(card)  # type: ignore[arg-type]

    def _remove_card(self, card: ContactCard) -> None:
        i = self.cards.indexOf(card)
        if i < 0:
            return
        self.cards.removeTab(i)
        self._stale.discard(id(card))
        card.deleteLater()
        if self.cards.count() == 0:
            self.card_panel.hide()

    def add_note(self) -> None:
        """Ctrl+N: write a note on the card in front (a saved contact's)."""
        card = self.current_card()
        if card is None or card.record_id is None:
            self.notify(translate("main_window", "Open a contact's card to write a note on it."))
            return
        card.add_note()

    def close_current_card(self) -> None:
        """Close the card in front."""
        if self.cards.count():
            self.close_card(self.cards.currentIndex())

    def _cycle_card(self, step: int) -> None:
        if self.cards.count():
            self.cards.setCurrentIndex((self.cards.currentIndex() + step) % self.cards.count())

    def _update_privacy_actions(self) -> None:
        person = self._current_person_id() is not None
        for a in (self.export_personal_action, self.erase_personal_action):
            a.setEnabled(person)
            a.setToolTip("" if person else translate("main_window", "Open a person's card first"))

    def _current_person_id(self) -> str | None:
        card = self.current_card()
        if isinstance(card, PersonCard) and card.record_id and self.card_panel.isVisible():
            return card.record_id
        return None

    def export_personal_data(self, path: str | None = None) -> None:
        """Card ▸ Export personal data…: everything about the card's person, as JSON and
        a readable HTML copy."""
        person_id = self._current_person_id()
        if person_id is None:
            return
        written = export_personal_data(self, self.ctx, person_id, path)
        if written:
            data, readable = written
            self.notify(
                translate(
                    "main_window",
                    "Personal data written: {name} and the readable copy {name_}, in {parent}",
                ).format(name=data.name, name_=readable.name, parent=data.parent)
            )

    def erase_personal_data(self) -> None:
        """Card ▸ Erase personal data…: asks with the reason, then erases."""
        person_id = self._current_person_id()
        if person_id is None:
            return
        if erase_personal_data(self, self.ctx, person_id):
            card = self.current_card()
            if card is not None:
                card.reload(keep_edits=False)
            self.notify(
                translate(
                    "main_window",
                    "The person's personal data was erased; the numbers stay blocked.",
                )
            )
            self.live.check()

    def _card_changed(self, index: int) -> None:
        self._update_privacy_actions()
        card = self.cards.widget(index)
        if isinstance(card, ContactCard) and id(card) in self._stale:
            self._stale.discard(id(card))
            card.reload()

    # -- live -------------------------------------------------------------

    @Slot()
    def refresh_views(self) -> None:
        """Something changed: refresh what is on screen now, the rest when it is shown."""
        page = self.pages.currentWidget()
        page.refresh()  # type: ignore[attr-defined]
        self._stale_pages = {i for i in range(self.pages.count())
                             if self.pages.widget(i) is not page}
        front = self.current_card()
        for card in self.card_list():
            if card is front:
                card.reload()
            else:
                self._stale.add(id(card))

    @Slot(object)
    def screen_pop(self, view: ContactView) -> None:
        """Apollo asked to show a contact: open its card and raise the window (on a shared
        database: show a notice with *Open card* instead, see `PopNotice`)."""
        if not self.local.pop_cards:
            return
        if self.shared_url:
            self._pop_notice(view)
            return
        if view.person_id:
            card = self.open_contact("person", view.person_id)
        elif view.company_id:
            card = self.open_contact("company", view.company_id)
        else:
            return
        self.bring_to_front()
        if card is not None and self.tray is not None:
            self.tray.showMessage(translate("main_window", "Incoming call"), view.label,
                                  QSystemTrayIcon.MessageIcon.Information, 5000)

    def _pop_notice(self, view: ContactView) -> None:
        if view.company_name is None and view.person_name is None:
            try:
                view = self.store.resolve_contact(
                    ContactRef(company_id=view.company_id, person_id=view.person_id))
            except CallsheetError:
                return  # deleted since the pop was asked for: nobody to show
        self.pop_notice.show_pop(view)
        if self.tray is not None:
            self.tray.showMessage(translate("main_window", "Incoming call"), view.label,
                                  QSystemTrayIcon.MessageIcon.Information, 5000)

    @Slot(list)
    def todos_due(self, todos: list) -> None:
        """A to-do of mine is due: a desktop notification (the tray's, where there is
        one) and the status bar; My tasks shows it as overdue."""
        text = due_text(todos)
        self.notify(text)
        self.my_tasks.refresh()
        if self.tray is not None:
            self.tray.showMessage(
                translate("main_window", "To-do due"),
                text,
                QSystemTrayIcon.MessageIcon.Information,
                10000,
            )

    def bring_to_front(self) -> None:
        """Show, un-minimise and raise the window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # -- the API ----------------------------------------------------------

    def start_api(self) -> bool:
        """(Re)start the API with the current settings; False when it cannot listen."""
        key = resolve(API_KEY, self.options.flags.get(API_KEY), self.store)
        fixed_key = key.value if key.origin in ("flag", "env") else None
        ok = self.api.start(self._setting("host") or "127.0.0.1", self._setting("port") or "0",
                            fixed_key)
        if not ok:
            self.notify(self.api.message)
        return ok

    def _try_listen(self, host: str, port: str) -> tuple[str, str] | None:
        """Move the API to host:port for the settings dialog; (field, why) if it cannot."""
        key = resolve(API_KEY, self.options.flags.get(API_KEY), self.store)
        fixed_key = key.value if key.origin in ("flag", "env") else None
        if self.api.restart(host, port, fixed_key):
            return None
        error = self.api.error
        return (error.field, error.message) if error else ("port", self.api.message)

    @Slot()
    def _show_api_status(self) -> None:
        api = self.api
        if api.state == "listening" and self.api_error:
            # Red until a request succeeds again: listening is not the same as working.
            self.api_label.setText(themed(
                translate(
                    "main_window",
                    '<span style="color:#dc2626">●</span> <span style="color:#b91c1c">API error: '
                    '{v0}</span>',
                ).format(v0=escape(self.api_error))
            ))
            self.api_label.setToolTip(self.api_error)
        elif api.state == "listening":
            self.api_label.setText(themed(
                translate(
                    "main_window",
                    '<span style="color:#16a34a">●</span> API listening on <b>{v0}</b>',
                ).format(v0=escape(api.url))
            ))
            self.api_label.setToolTip(
                translate("main_window", "Apollo calls Callsheet here. Settings: Ctrl+,")
            )
        elif api.state == "failed":
            self.api_label.setText(
                themed(
                    translate(
                        "main_window",
                        '<span style="color:#dc2626">●</span> '
                        '<span style="color:#b91c1c">API not running</span>',
                    )
                )
            )
            self.api_label.setToolTip(api.message)
        else:
            self.api_label.setText(themed(
                translate("main_window", '<span style="color:#9ca3af">●</span> {v0}').format(
                    v0=escape(api.message)
                )
            ))
            self.api_label.setToolTip(api.message)

    @Slot(object)
    def _request_served(self, info: RequestInfo) -> None:
        self.last_request = info
        # A 5xx is the server failing; a 2xx/3xx is it working again. A 4xx (a bad body,
        # a number nobody has) says nothing about the server: the colour stays.
        error = self.api_error
        if info.status >= 500:
            error = f"{info.method} {info.path} → {info.status}: {info.error}"
        elif info.status < 400:
            error = None
        if error != self.api_error:
            self.api_error = error
            self._show_api_status()
        at = time.strftime("%H:%M:%S", time.localtime(info.at))
        self.request_label.set_full_text(
            translate(
                "main_window", "Last request {at} · {client} · {method} {path} → {status}"
            ).format(
                at=at, client=info.client, method=info.method, path=info.path, status=info.status
            )
        )
        if info.method != "GET" and info.status < 400:
            # Apollo wrote something: show it now rather than at the next poll.
            self.live.check()

    # -- team mode: shared database, this PC's settings -------------------

    def _build_team(self) -> None:
        self.pop_notice = PopNotice()
        self.pop_notice.open_requested.connect(self.open_contact)
        # The notice sits above the lists and cards, outside the tab order.
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.pop_notice)
        column.addWidget(self.takeCentralWidget())
        self.setCentralWidget(body)
        self.db_label = QLabel()
        self.db_label.setObjectName("dbStatus")
        self.db_label.setTextFormat(Qt.TextFormat.RichText)
        self.db_label.setMaximumWidth(320)  # the tooltip has the whole address
        self.statusBar().addPermanentWidget(self.db_label)
        self._db_was_lost = False
        if isinstance(self.live, PgLive):
            self.live.state_changed.connect(self._show_db_state)
            self.live.state_changed.connect(self._reconnect_store)
        self._show_db_state("connecting" if self.shared_url else "local", "")

    def serves_api(self) -> bool:
        """Whether this desktop serves the API: always on a single PC; on a shared database
        only when "Serve the API from this PC" is on (the office's service serves Apollo)."""
        return not self.shared_url or self.local.serve_api

    def _office_api_text(self) -> str:
        return translate("main_window",
                         "API not served from this PC (the office API service serves Apollo)")

    def database_text(self) -> str:
        """Which database this window uses, for people: a file name or user@host/db."""
        if not self.shared_url:
            return translate("main_window", "Database on this PC: {name}").format(
                name=self.db_path.name)
        from urllib.parse import urlsplit

        u = urlsplit(self.shared_url)
        where = f"{u.username + '@' if u.username else ''}{u.hostname}:{u.port or 5432}{u.path}"
        return translate("main_window", "Shared database {where}").format(where=where)

    @Slot(str, str)
    def _show_db_state(self, state: str, message: str) -> None:
        text = escape(self.database_text())
        tip = self.shared_url or str(self.db_path)
        if state == "unreachable":
            self.db_label.setText(
                themed(
                    translate(
                        "main_window",
                        '<span style="color:#dc2626">●</span> '
                        '<span style="color:#b91c1c">shared database unreachable</span>',
                    )
                )
            )
            tip = "{}\n{}\n{}".format(tip, message, translate(
                "main_window", "Callsheet reconnects by itself when it is back."))
        elif state == "connecting":
            self.db_label.setText(themed(
                translate("main_window", '<span style="color:#9ca3af">●</span> {text}').format(
                    text=text
                )
            ))
        elif state == "connected":
            self.db_label.setText(themed(
                translate("main_window", '<span style="color:#16a34a">●</span> {text}').format(
                    text=text
                )
            ))
        else:
            # One PC: the file's name is enough here (the status bar is narrow); the
            # tooltip and Settings have the whole path.
            self.db_label.setText(escape(self.db_path.name))
            tip = translate("main_window", "Database on this PC: {name}").format(
                name=self.db_path)
        self.db_label.setToolTip(tip)

    @Slot(str, str)
    def _reconnect_store(self, state: str, message: str) -> None:
        if state == "unreachable":
            self._db_was_lost = True
            return
        if state != "connected" or not self._db_was_lost or self.options.reopen_store is None:
            return
        self._db_was_lost = False
        try:
            fresh = self.options.reopen_store()
        except Exception as e:  # the server may be up but refusing: say so, keep going
            self.notify(
                translate("main_window", "Could not reopen the shared database: {e}").format(e=e)
            )
            return
        old, self.store = self.store, fresh
        self.ctx.store = fresh  # every view reads ctx.store on each use
        try:
            old.db.close()
        except Exception:  # a connection the server dropped may fail to close; it is gone
            logging.getLogger("callsheet.desktop").debug("old connection", exc_info=True)
        self.refresh_views()

    def apply_local_settings(self, changed: set[str]) -> None:
        """Act on this PC's settings saved in the settings dialog."""
        if {"your_name"} & changed:
            set_desktop_identity(self.local.person(), pc_name())
        if "serve_api" in changed and self.shared_url and self.options.api_enabled:
            if self.local.serve_api:
                if self.start_api():
                    self.notify(
                        translate("main_window", "This PC now serves the API: {url}").format(
                            url=self.api.url
                        )
                    )
            else:
                self.api.stop()
                self.api.disable(self._office_api_text())
        if "language" in changed:
            self.notify(translate("main_window", "Restart Callsheet to see the new language."))
        if {"database", "host", "port", "dbname", "user", "sslmode"} & changed:
            self.notify(translate("main_window", "Restart Callsheet to open the other database."))

    # -- dialogs ----------------------------------------------------------

    def open_settings(self) -> SettingsDialog:
        """Show the settings; a changed address or port restarts the API."""
        dlg = SettingsDialog(self.ctx, self.options.flags, api_status=self.api.message,
                             db_path=self.database_text(), parent=self,
                             try_listen=(self._try_listen
                                         if self.options.api_enabled and self.serves_api()
                                         else None),
                             api_failed=self.api.state == "failed",
                             local=self.local, local_path=self.options.local_path)
        if dlg.exec() == SettingsDialog.DialogCode.Accepted:
            self.apply_settings(dlg)
        return dlg

    def apply_settings(self, dlg: SettingsDialog) -> None:
        """Act on what the settings dialog saved."""
        self.apply_local_settings(getattr(dlg, "local_changed", set()))
        if "region" in dlg.changed:
            self.ctx.region = dlg.region
            for model in (self.companies.model, self.persons.model, self.calls.model):
                model.region = dlg.region  # type: ignore[attr-defined]
            self.refresh_views()
        if "backup_keep" in dlg.changed and self.options.daily_backups:
            self.backups.daily()
        if dlg.api_moved:
            self.notify(
                translate("main_window", "The API was restarted: {url}").format(url=self.api.url)
            )
        elif {"host", "port"} & dlg.changed and self.options.api_enabled and self.serves_api():
            if self.start_api():
                self.notify(
                    translate("main_window", "The API was restarted: {url}").format(
                        url=self.api.url
                    )
                )
        if dlg.key_rotated:
            self.notify(translate("main_window", "A new API key is in use; give it to Apollo."))

    def import_csv(self) -> ImportDialog:
        """Import companies and persons from a CSV file."""
        dlg = ImportDialog(self.ctx, self)
        dlg.imported.connect(lambda report: self.notify(said(report.summary())))
        dlg.imported.connect(lambda _: self.live.check())
        dlg.open()
        return dlg

    def load_demo(self) -> None:
        """Fill the (empty) database with the demo data set."""
        from shared.demo import load_demo

        try:
            counts = load_demo(self.store)
        except CallsheetError as e:
            QMessageBox.warning(self, translate("main_window", "Demo data"), said(e))
            return
        self.store.set_setting("demo_offered", "1")
        self.live.check()
        self.refresh_views()
        self.notify(
            translate("main_window", "Demo data loaded: {v0} companies, {v1} persons.").format(
                v0=counts.get("companies", 0), v1=counts.get("persons", 0)
            )
        )

    def export(self, what: str, path: str | None = None) -> int | None:
        """Export a list to CSV or Excel, or every contact to vCard; returns how many."""
        from shared.export import export
        from shared.vcard import export_vcards

        vcard = what == "vcard"
        if path is None:
            name = "contacts.vcf" if vcard else f"{what}.xlsx"
            filters = "vCard (*.vcf)" if vcard else "Excel (*.xlsx);;CSV (*.csv)"
            path, chosen = file_dialogs.save_file_name(
                self,
                translate("main_window", "Export"),
                Path.home() / name,
                filters,
                database=self.db_path,
            )
            if not path:
                return None
            if not vcard and not path.lower().endswith((".csv", ".xlsx")):
                path += ".csv" if chosen.startswith("CSV") else ".xlsx"
        try:
            n = (export_vcards(self.store, path) if vcard
                 else export(self.store, what, path, region=self.ctx.region))
        except (CallsheetError, OSError) as e:
            QMessageBox.warning(self, translate("main_window", "Export failed"), said(e))
            return None
        self.notify(
            translate("main_window", "Exported {n} {v1} to {path}.").format(
                n=n, v1=noun("contacts" if vcard else what), path=path
            )
        )
        return n

    def backup_now(self, path: str | None = None) -> None:
        """Copy the database to a file the person picks (the copy runs in the background)."""
        if self.shared_url:
            self.notify(
                translate(
                    "main_window",
                    "Back up a shared database on its server: callsheet-api backup"
                    " (README, Team setup).",
                )
            )
            return
        if path is None:
            suggested = self.backups.suggested_target()
            suggested.parent.mkdir(parents=True, exist_ok=True)
            path, _ = file_dialogs.save_file_name(
                self,
                translate("main_window", "Back up database"),
                suggested,
                translate("main_window", "Callsheet database (*.db)"),
                database=self.db_path,
            )
            if not path:
                return
        self.notify(translate("main_window", "Backing up…"))
        self.backups.backup_to(path)

    def open_backups_folder(self) -> None:
        """Show the folder of the daily backups in the file manager."""
        folder = self.backups.folder()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def show_shortcuts(self) -> ShortcutsDialog:
        """List the keyboard shortcuts (F1): the menus' and those of cards and lists."""
        from .shortcuts_dialog import menu_sections

        def rows(table: tuple[tuple[str, str, str], ...]) -> list[tuple[str, str]]:
            return [(k.replace("Return", "Enter"), translate("keys", what)) for k, what, _ in table]

        sections = menu_sections(self.menuBar()) + [
            ("On a card", rows(CARD_KEYS)),
            ("On a person's card", rows(PersonCard.EXTRA_KEYS)),
            ("In the Companies and Persons lists", rows(LIST_KEYS)),
            ("In a chooser (company, contacts)", [
                ("Down or Up", "From the search field to the list"),
                ("Enter", "Take the only match, or the selected one")]),
        ]
        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.deleteLater()
        self.shortcuts_dialog = ShortcutsDialog(sections, self)
        self.shortcuts_dialog.show()
        self.shortcuts_dialog.raise_()
        return self.shortcuts_dialog

    def copy_debug_info(self) -> str:
        """Put versions, paths and the last 50 log lines on the clipboard (no API key)."""
        from PySide6.QtWidgets import QApplication

        from .diagnostics import debug_info

        key = resolve(API_KEY, self.options.flags.get(API_KEY), self.store).value
        text = debug_info(name=self.name, version=self.version, db_path=self.db_path,
                          api_status=self.api.message, backups=self.backups.folder(),
                          secrets=(key,) if key else ())
        QApplication.clipboard().setText(text)
        self.notify(
            translate("main_window", "Debug info copied: paste it into your message or bug report.")
        )
        return text

    def about(self) -> None:
        """Name, version and what it is; the versions are those ``callsheet --version`` prints."""
        (title, *components) = version_text().splitlines()
        what = translate("main_window", "The office's CRM, with the API the Apollo contact"
                         " center calls built in.")
        database = translate("main_window", "Database: {path}").format(path=self.db_path)
        QMessageBox.about(self, translate("main_window", "About {name}").format(name=self.name),
                          f"<h3>{escape(title)}</h3><p>{escape(what)}</p>"
                          f"<p>{'<br>'.join(escape(line) for line in components)}</p>"
                          f"<p>{escape(database)}<br>{escape(self.api.message)}</p>")

    # -- closing ----------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        dirty = [c.title_text() for c in self.card_list() if c.has_unsaved()]
        if dirty:
            answer = QMessageBox.question(
                self,
                translate("main_window", "Unsaved changes"),
                translate("main_window", "Unsaved changes in: {v0}. Quit and lose them?").format(
                    v0=", ".join(dirty)
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop polling and the API, and let a running backup finish (idempotent)."""
        self.live.stop()
        self.reminder.timer.stop()
        self.backups.timer.stop()
        self.purge_timer.stop()
        self.api.stop()
        self.backups.wait()
        self.retention.wait()
        if self.tray is not None:
            self.tray.hide()
