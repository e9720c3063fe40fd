"""Mentoring and training: programmes, sessions and who attended (the MSME office)."""

import datetime as dt
from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sistercity.core.errors import full_clean
from sistercity.trade.models import MentoringProgramme, MentoringSession
from sistercity.trade.services._common import field_label, refuse, require_staff


def mentoring_create(
    *,
    actor: Any,
    partnership: Any,
    title: str,
    starts_on: dt.date,
    language: str = "id",
    is_sample: bool = False,
) -> MentoringProgramme:
    require_staff(actor, partnership)
    if not title.strip():
        raise refuse(str(_("title")), _("This field is required."), name="title")
    with transaction.atomic(), set_actor(actor):
        programme = MentoringProgramme(
            partnership=partnership, starts_on=starts_on, is_sample=is_sample
        )
        programme.set_current_language(language)
        programme.title = title.strip()
        full_clean(programme)
        programme.save()
    return programme


def session_record(
    *,
    actor: Any,
    programme: MentoringProgramme,
    held_on: dt.date,
    topic: str,
    instructor: str = "",
    attendees: list[Any] | tuple[Any, ...] = (),
) -> MentoringSession:
    """A session and the enterprises that attended it (of the programme's partnership)."""
    require_staff(actor, programme)
    _session_check(programme, held_on, topic, attendees)
    with transaction.atomic(), set_actor(actor):
        session = MentoringSession(
            programme=programme, held_on=held_on, topic=topic.strip(), instructor=instructor.strip()
        )
        full_clean(session)
        session.save()
        session.attendees.set(attendees)
    return session


def session_update(
    *,
    actor: Any,
    session: MentoringSession,
    held_on: dt.date,
    topic: str,
    instructor: str = "",
    attendees: list[Any] | tuple[Any, ...] = (),
) -> MentoringSession:
    """Correct a recorded session: its date, topic, instructor and who attended (an
    enterprise forgotten on the list, or one ticked by mistake); the "MSMEs trained"
    indicator and the certificates follow."""
    programme = session.programme
    require_staff(actor, programme)
    _session_check(programme, held_on, topic, attendees)
    with transaction.atomic(), set_actor(actor):
        session.held_on = held_on
        session.topic = topic.strip()
        session.instructor = instructor.strip()
        full_clean(session)
        session.save()
        session.attendees.set(attendees)
    return session


def _session_check(
    programme: MentoringProgramme, held_on: dt.date, topic: str, attendees: Any
) -> None:
    if held_on < programme.starts_on:
        raise refuse(
            field_label(MentoringSession, "held_on"),
            _("is before the programme starts."),
            name="held_on",
        )
    if any(e.partnership_id != programme.partnership_id for e in attendees):
        raise refuse(
            field_label(MentoringSession, "attendees"),
            _("an enterprise of another partnership."),
            name="attendees",
        )
    if not topic.strip():
        raise refuse(
            field_label(MentoringSession, "topic"), _("This field is required."), name="topic"
        )
