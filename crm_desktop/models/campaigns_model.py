"""Campaigns with their sources and how many contacts and open tasks they have."""

from __future__ import annotations

from shared.model import Campaign

from .record_model import Column, RecordTableModel

SOURCE_LABEL = {"crm": "Callsheet", "apollo": "Apollo"}


class CampaignsModel(RecordTableModel):
    """Campaigns: id, name (marked when it needs consent), contact source, task source,
    contacts, open tasks."""

    COL_ID, COL_NAME, COL_CONTACTS_SOURCE, COL_TASKS_SOURCE, COL_CONTACTS, COL_TASKS = range(6)

    COLUMNS = (
        Column("Id", lambda c: c.id),
        # In the name, not a column of its own: the list is narrow beside a card.
        Column("Name", lambda c: c.name + (" · consent needed" if c.needs_consent else ""),
               sort=lambda c: c.name,
               tooltip=lambda c: "Apollo gets only contacts with consent to advertising calls"
                                 if c.needs_consent else None),
        Column("Contacts from", lambda c: SOURCE_LABEL.get(c.contacts_source, c.contacts_source)),
        Column("Tasks from", lambda c: SOURCE_LABEL.get(c.tasks_source, c.tasks_source)),
        Column("Contacts", lambda c: str(c.contact_count), sort=lambda c: c.contact_count,
               align_right=True),
        Column("Open tasks", lambda c: str(c.open_task_count),
               sort=lambda c: c.open_task_count, align_right=True),
    )


def campaign_label(c: Campaign) -> str:
    """"Winter promotion 2026 (winter_promo)"."""
    return f"{c.name} ({c.id})"
