"""Flat exceptions of the domain; each carries a sentence a person can act on."""

from __future__ import annotations


class CallsheetError(Exception):
    """Something went wrong in Callsheet."""

    def __init__(self, message: str | None = None, *, field: str | None = None):
        super().__init__(message or (self.__doc__ or "").strip())
        self.field = field

    @property
    def message(self) -> str:
        return str(self.args[0])


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
    """The database cannot be used right now."""


class DatabaseGone(DatabaseUnavailable):
    """The database file was deleted or replaced while Callsheet had it open."""


class DatabaseDamaged(CallsheetError):
    """The database file is damaged."""
