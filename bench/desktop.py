#!/usr/bin/env python
"""The desktop's numbers on a large database, offscreen; prints one JSON object.

    QT_QPA_PLATFORM=offscreen python bench/desktop.py DB --spawned-at EPOCH [--scroll-seconds S]
    QT_QPA_PLATFORM=offscreen python bench/desktop.py --bare --spawned-at EPOCH

- ``cold_start_s``: from the process being spawned (``--spawned-at``, the
  parent's ``time.time()``) to the main window's first paint, API off.
- ``persons_open_ms``: from choosing "Persons" to its first rows painted.
- ``rss_mb``: resident memory after scrolling the persons list through
  (every page fetched, bounded by ``--scroll-seconds``), ``rows_loaded``
  and ``scrolled_through`` say how far it got.

``--bare`` is the baseline: an empty QMainWindow, same Qt, same platform.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("db", nargs="?")
    ap.add_argument("--spawned-at", type=float, required=True)
    ap.add_argument("--bare", action="store_true")
    ap.add_argument("--scroll-seconds", type=float, default=60.0)
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow

    painted: dict[int, float] = {}

    class PaintWatch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and id(obj) not in painted:
                painted[id(obj)] = time.time()
            return False

    app = QApplication.instance() or QApplication(sys.argv[:1])
    watch = PaintWatch()
    out: dict[str, object] = {}

    def wait_paint(widget, limit: float = 30.0) -> float:
        painted.pop(id(widget), None)
        widget.installEventFilter(watch)
        end = time.time() + limit
        while id(widget) not in painted and time.time() < end:
            app.processEvents()
        return painted.get(id(widget), float("nan"))

    if args.bare:
        window = QMainWindow()
        window.resize(1280, 800)
        window.show()
        out["cold_start_s"] = wait_paint(window) - args.spawned_at
        out["rss_mb"] = rss_mb()
        print(json.dumps(out), flush=True)
        return 0

    from crm_desktop import style
    from crm_desktop.main_window import PAGE_PERSONS, DesktopOptions, MainWindow
    from shared.database import connect
    from shared.store import Store

    style.apply(app)
    store = Store(connect(args.db))
    window = MainWindow(store, args.db, DesktopOptions(api_enabled=False, daily_backups=False))
    window.show()
    out["cold_start_s"] = wait_paint(window) - args.spawned_at
    out["rss_start_mb"] = rss_mb()

    view = window.persons
    viewport = view.table.viewport()
    viewport.installEventFilter(watch)
    painted.pop(id(viewport), None)
    t0 = time.time()
    window.go(PAGE_PERSONS)
    end = t0 + 30
    while (id(viewport) not in painted or view.model.loaded() == 0) and time.time() < end:
        if id(viewport) in painted and view.model.loaded() == 0:
            painted.pop(id(viewport))
        app.processEvents()
    out["persons_open_ms"] = (painted.get(id(viewport), float("nan")) - t0) * 1000
    out["persons_first_rows"] = view.model.loaded()

    # Scroll through: jump to the end, let the view fetch the next page, repeat.
    model, table = view.model, view.table
    t0 = time.time()
    end = t0 + args.scroll_seconds
    while model.canFetchMore() and time.time() < end:
        table.scrollToBottom()
        app.processEvents()
        if model.canFetchMore():
            # The view fetches only when it paints near the end; ask for a page as a
            # scrolling user's view would.
            model.fetchMore()
    app.processEvents()
    out["scroll_seconds"] = time.time() - t0
    out["rows_loaded"] = model.loaded()
    out["scrolled_through"] = not model.canFetchMore()
    out["rss_mb"] = rss_mb()
    window.shutdown()
    print(json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
