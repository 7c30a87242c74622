"""Keep Python's ``None`` alive under PySide6 6.12 on Python 3.11.

PySide6 6.12 turns an empty QVariant into Python's ``None`` without taking
a reference (``QModelIndex().data()``, ``QComboBox.currentData()`` on an item
without data, and paths inside item views while scrolling). Every such call
lowers ``None``'s reference count by one; when it reaches zero the
interpreter aborts ("deallocating None"), after a long session or at exit.
Python 3.12 made ``None`` immortal, so this only matters before 3.12.

The guard holds a large block of references to ``None`` that is never
freed, and tops it up when the count runs low, so the count cannot reach
zero. It costs 8 MB per block and one ``sys.getrefcount`` per check.
"""

from __future__ import annotations

import ctypes
import sys

NEEDED = sys.version_info < (3, 12)
BLOCK = 1_000_000
LOW_WATER = 500_000
_blocks: list[list[None]] = []


def guard_none_refcount() -> None:
    """Make sure ``None`` has plenty of references; cheap enough to call on every poll."""
    if not NEEDED or sys.getrefcount(None) >= LOW_WATER:
        return
    block: list[None] = [None] * BLOCK
    # Leaked on purpose: freeing it at exit would hand the lost references back
    # and abort the interpreter then.
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(block))
    _blocks.append(block)
