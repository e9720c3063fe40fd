"""Meetings and the action items they decide. The secretariat and partner officers record
them; the owner of an action item may mark it done too."""

import datetime as dt
from collections.abc import Iterable

from auditlog.context import set_actor
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.models import User
from sistercity.core.access import Action, forbidden, require
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.partnerships.models import Partnership
from sistercity.programs import choices as c
from sistercity.programs.models import ActionItem, Meeting
from sistercity.programs.services.programmes import set_texts


def meeting_create(
    *,
    actor: User,
    partnership: Partnership,
    kind: str,
    held_on: dt.date,
    title: str,
    language: str,
    place: str = "",
    is_joint: bool = True,
    minutes: str = "",
    decisions: str = "",
    participants: Iterable[User] = (),
    other_participants: str = "",
) -> Meeting:
    require(actor, partnership, Action.CHANGE)
    with transaction.atomic(), set_actor(actor):
        meeting = Meeting(
            partnership=partnership,
            kind=kind,
            held_on=held_on,
            place=place,
            is_joint=is_joint,
            other_participants=other_participants,
        )
        set_texts(meeting, language, title=title, minutes=minutes, decisions=decisions)
        full_clean(meeting)
        meeting.save()
        meeting.participants.set(participants)
    return meeting


def action_item_add(
    *,
    actor: User,
    meeting: Meeting,
    description: str,
    due_on: dt.date,
    owner: User | None = None,
) -> ActionItem:
    require(actor, meeting, Action.CHANGE)
    with transaction.atomic(), set_actor(actor):
        item = ActionItem(meeting=meeting, description=description, due_on=due_on, owner=owner)
        full_clean(item)
        item.save()
    return item


def action_item_set_status(*, actor: User, item: ActionItem, status: str) -> ActionItem:
    access = require(actor, item, Action.VIEW)
    if not (access.can_change or item.owner_id == actor.pk):
        raise forbidden()
    if status not in c.ActionItemStatus.values:
        raise SisterCityError(_("Unknown status."), code="status")
    with transaction.atomic(), set_actor(actor):
        item.status = status
        item.save(update_fields=["status", "updated_at"])
    return item
