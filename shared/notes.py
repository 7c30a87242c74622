"""Notes on a contact: many, dated, each with its author.

The contact's single Notes field stays the contract's ``annotation``; these
notes are the desktop's own and never reach the API. A note may be edited
only by its author, and every edit is written to the contact's audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import ids
from .errors import NotFound, ValidationError
from .model import Actor, ContactRef
from .texts import Text
from .timeutil import to_db

if TYPE_CHECKING:
    from .store import Store

MAX_NOTE = 20_000


@dataclass(frozen=True)
class Note:
    """One note on a company or a person."""

    id: str
    company_id: str | None
    person_id: str | None
    author: str
    body: str
    created_at: str
    updated_at: str

    @property
    def edited(self) -> bool:
        """True when the note was changed after it was written."""
        return self.updated_at != self.created_at


class NotAuthor(ValidationError):
    """Only the author of a note may change it."""


def _clean_body(body: str) -> str:
    text = body.strip()
    if not text:
        raise ValidationError(Text("A note needs some text."), field="body")
    if len(text) > MAX_NOTE:
        raise ValidationError(Text(
                "A note can hold at most {max_note} characters.", max_note=MAX_NOTE), field="body")
    return text


def _clean_author(author: str) -> str:
    name = author.strip()
    if not name:
        raise ValidationError(Text("A note needs an author: set Your name in Settings."),
                              field="author")
    return name


class NotesRepository:
    """Reads and writes notes through a Store's connection and write transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn

    def _row(self, row: Any) -> Note:
        return Note(row["id"], row["company_id"], row["person_id"], row["author"], row["body"],
                    row["created_at"], row["updated_at"])

    def get(self, note_id: str) -> Note:
        """The note with this id; raises NotFound."""
        row = self.conn.execute("SELECT * FROM notes WHERE id = ?", (note_id,)).fetchone()
        if row is None:
            raise NotFound(Text("No note with id {note_id!r}.", note_id=note_id))
        return self._row(row)

    def for_contact(self, ref: ContactRef, limit: int = 1000) -> list[Note]:
        """A contact's notes, newest first (a company's include its persons' notes only
        when they were written on the company)."""
        col, key = ("person_id", ref.person_id) if ref.person_id else (
            "company_id", ref.company_id)
        return [self._row(r) for r in self.conn.execute(
            f"SELECT * FROM notes WHERE {col} = ? ORDER BY created_at DESC, pk DESC LIMIT ?",
            (key, limit))]

    def add(self, ref: ContactRef, body: str, author: str, actor: Actor) -> Note:
        """Write a note on a contact. Raises NotFound for the contact, ValidationError
        for an empty text or author."""
        text, name = _clean_body(body), _clean_author(author)
        store = self.store
        with store.write():
            view = store.resolve_contact(ref)
            note_id = ids.new_contact_id()
            now = to_db(store.clock())
            company_id = None if view.person_id else view.company_id
            self.conn.execute(
                "INSERT INTO notes (id, company_id, person_id, author, body, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (note_id, company_id, view.person_id, name, text, now, now))
            kind, key = ("person", view.person_id) if view.person_id else (
                "company", view.company_id or "")
            self.store._audit(actor, kind, key, "add_note",
                  {"note": note_id, "author": name, "body": text})
        return self.get(note_id)

    def edit(self, note_id: str, body: str, author: str, actor: Actor) -> Note:
        """Change a note's text. Only its author may (raises NotAuthor otherwise); the
        old and new text go to the contact's audit trail. Raises NotFound."""
        text = _clean_body(body)
        store = self.store
        with store.write():
            note = self.get(note_id)
            if author.strip() != note.author:
                raise NotAuthor(Text(
                        "Only {author} can change this note: it is theirs.", author=note.author),
                                field="body")
            if text == note.body:
                return note
            now = to_db(store.clock())
            self.conn.execute("UPDATE notes SET body = ?, updated_at = ? WHERE id = ?",
                              (text, now, note_id))
            kind, key = ("person", note.person_id) if note.person_id else (
                "company", note.company_id or "")
            self.store._audit(actor, kind, key, "edit_note",
                  {"note": note_id, "author": note.author, "body": [note.body, text]})
        return self.get(note_id)


