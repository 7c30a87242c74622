"""What every view needs: the GUI thread's store, the default region, and a way to
say "I wrote something" so every open view refreshes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from shared.store import Store


@dataclass
class DesktopContext:
    """Shared by the main window and its views; ``region`` can change in Settings."""

    store: Store
    region: str = "DE"
    # The database file: file dialogs refuse it and its side files.
    db_path: Path | None = None
    wrote: Callable[[], None] = field(default=lambda: None)
