"""Crews: firefighters, their qualifications, training courses and attendance."""

import datetime as dt

from auditlog.context import set_actor
from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, require
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.emergency.choices import PILLAR, Shift, VehicleKind
from sistercity.emergency.models import (
    Attendance,
    Firefighter,
    FirePost,
    Qualification,
    TrainingCourse,
)


def firefighter_add(
    *, actor, partnership, full_name: str, shift: str, post: FirePost | None = None
) -> Firefighter:
    require(actor, partnership, Action.CHANGE, pillar=PILLAR)
    if not full_name.strip():
        raise SisterCityError(_("The full name is required."), code="full_name")
    if shift not in Shift.values:
        raise SisterCityError(_("Unknown shift."), code="shift")
    if post is not None and post.partnership_id != partnership.pk:
        raise SisterCityError(_("The post belongs to another partnership."), code="post")
    with transaction.atomic(), set_actor(actor):
        person = Firefighter(
            partnership=partnership, full_name=full_name.strip(), shift=shift, post=post
        )
        full_clean(person)
        person.save()
    return person


def qualification_add(
    *,
    actor,
    firefighter: Firefighter,
    vehicle_kind: str,
    issued_on: dt.date,
    expires_on: dt.date,
    issued_by: str = "",
) -> Qualification:
    """A firefighter may operate ``vehicle_kind`` from ``issued_on`` until ``expires_on``."""
    require(actor, firefighter, Action.CHANGE, pillar=PILLAR)
    if vehicle_kind not in VehicleKind.values:
        raise SisterCityError(_("Unknown vehicle kind."), code="vehicle_kind", field="vehicle_kind")
    if expires_on <= issued_on:
        raise SisterCityError(
            _("A qualification cannot expire ({expires}) before it was issued ({issued}).").format(
                expires=expires_on.isoformat(), issued=issued_on.isoformat()
            ),
            code="expiry",
            field="expires_on",
        )
    with transaction.atomic(), set_actor(actor):
        qualification = Qualification(
            firefighter=firefighter,
            vehicle_kind=vehicle_kind,
            issued_on=issued_on,
            expires_on=expires_on,
            issued_by=issued_by,
        )
        full_clean(qualification)
        qualification.save()
    return qualification


def attendance_record(
    *, actor, course: TrainingCourse, firefighter: Firefighter, passed: bool = False
) -> Attendance:
    """Record that a firefighter attended a course (and whether they passed: then their
    certificate can be printed); recording again updates the result."""
    require(actor, course, Action.CHANGE, pillar=PILLAR)
    if firefighter.partnership_id != course.partnership_id:
        raise SisterCityError(
            _("The firefighter belongs to another partnership."),
            code="person",
            field="firefighter",
        )
    with transaction.atomic(), set_actor(actor):
        attendance, _created = Attendance.objects.update_or_create(
            course=course, firefighter=firefighter, defaults={"passed": passed}
        )
    return attendance


def training_course_create(
    *,
    actor,
    partnership,
    title: str,
    starts_on: dt.date,
    ends_on: dt.date,
    place: str,
    instructors: str = "",
    vehicle_kind: str = "",
) -> TrainingCourse:
    """A training course (e.g. operator training by Toyama instructors, in Toyama or Batang);
    its title is written in the language the user works in."""
    require(actor, partnership, Action.CHANGE, pillar=PILLAR)
    if not title.strip():
        raise SisterCityError(_("The title is required."), code="title", field="title")
    if ends_on < starts_on:
        raise SisterCityError(
            _("A course cannot end ({ends}) before it starts ({starts}).").format(
                ends=ends_on.isoformat(), starts=starts_on.isoformat()
            ),
            code="dates",
            field="ends_on",
        )
    if vehicle_kind and vehicle_kind not in VehicleKind.values:
        raise SisterCityError(_("Unknown vehicle kind."), code="vehicle_kind", field="vehicle_kind")
    with transaction.atomic(), set_actor(actor):
        course = TrainingCourse(
            partnership=partnership,
            starts_on=starts_on,
            ends_on=ends_on,
            place=place.strip(),
            instructors=instructors.strip(),
            vehicle_kind=vehicle_kind,
        )
        course.set_current_language(translation.get_language() or settings.LANGUAGE_CODE)
        course.title = title.strip()
        full_clean(course)
        course.save()
    return course
