"""Table models over rows the windows fetch from the store (never SQL in here)."""

from .record_model import RecordRole, RecordTableModel, SortRole

__all__ = ["RecordRole", "RecordTableModel", "SortRole"]
