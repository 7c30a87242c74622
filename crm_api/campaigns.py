"""The dialer's reads: a campaign's contacts, its open tasks, and the next contact."""

from __future__ import annotations

import falcon

from shared.errors import WrongSource

from . import parse, serialize
from .context import ApiContext


class CampaignContacts:
    """``GET /campaigns/{campaignId}/contacts``."""

    def __init__(self, ctx: ApiContext) -> None:
        self.ctx = ctx

    def on_get(self, req: falcon.Request, resp: falcon.Response, campaign_id: str) -> None:
        views = self.ctx.store().campaign_contacts(campaign_id)
        resp.media = {"contacts": [serialize.contact(v) for v in views]}


class CampaignTasks:
    """``GET /campaigns/{campaignId}/tasks?from&to&limit&scheduled``."""

    def __init__(self, ctx: ApiContext) -> None:
        self.ctx = ctx

    def on_get(self, req: falcon.Request, resp: falcon.Response, campaign_id: str) -> None:
        start, end = parse.bound(req, "from"), parse.bound(req, "to")
        limit, scheduled = parse.limit(req), parse.scheduled(req)
        tasks = self.ctx.store().open_tasks(campaign_id, start=start, end=end, limit=limit,
                                            scheduled=scheduled)
        resp.media = {"tasks": [serialize.task(t) for t in tasks]}


class NextContact:
    """``GET /campaigns/{campaignId}/next``: hands out one contact for five minutes."""

    def __init__(self, ctx: ApiContext) -> None:
        self.ctx = ctx

    def on_get(self, req: falcon.Request, resp: falcon.Response, campaign_id: str) -> None:
        view = self.ctx.writes.run(lambda store: store.next_contact(campaign_id),
                                   durable=False)
        if view is None:
            resp.status = falcon.HTTP_204
            return
        resp.media = {"contact": serialize.contact(view)}

    def on_head(self, req: falcon.Request, resp: falcon.Response, campaign_id: str) -> None:
        """Check the campaign as GET does (404, 400) but hand nobody out: a HEAD (a
        monitor, a proxy) must not take a contact from the dialers for five minutes."""
        campaign = self.ctx.store().get_campaign(campaign_id)
        if campaign.contacts_source != "crm":
            raise WrongSource(
                f"The CRM is not the contact source of campaign {campaign_id!r}: its contacts"
                " are managed in Apollo.")
        resp.content_type = falcon.MEDIA_JSON
