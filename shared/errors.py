"""Flat exceptions of the domain; each carries a sentence a person can act on."""

from __future__ import annotations


class CallsheetError(Exception):
    """Something went wrong in Callsheet."""

    def __init__(self, message: str | None = None, *, field: str | None = None):
        super().__init__(message or (self.__doc__ or "").strip())
        self.field = field

    @property
    def message(self) -> str:
        """The sentence; a shared.texts.Text (still a str) when a front end can
        translate it."""
        first = self.args[0]
        return first if isinstance(first, str) else str(first)


class ValidationError(CallsheetError):
    """A value is not valid."""


class NotFound(CallsheetError):
    """Record not found."""


class Conflict(CallsheetError):
    """The request conflicts with the current state of the record."""


class WrongSource(CallsheetError):
    """The CRM is not the source of this data for the campaign."""


class DatabaseInUse(CallsheetError):
    """The database is in use by another program."""


class DatabaseUnavailable(CallsheetError):
    """The database cannot be used right now (busy, or a shared database unreachable)."""


class DatabaseGone(DatabaseUnavailable):
    """The database file was deleted or replaced while Callsheet had it open."""


class DatabaseDamaged(CallsheetError):
    """The database file is damaged."""


class BadDatabaseAddress(CallsheetError):
    """The database address is neither a file path nor a PostgreSQL URL."""


class VersionConflict(Conflict):
    """The record was changed by someone else since it was read: reload it or keep yours.

    ``current`` is the record as stored now; ``fields`` the columns the other
    change touched; ``by`` who made it (person and PC where known).
    """

    def __init__(self, message: str, *, current: object = None, fields: tuple[str, ...] = (),
                 by: str | None = None) -> None:
        super().__init__(message)
        self.current = current
        self.fields = fields
        self.by = by
