"""Setting up a call: the call itself, its question set, required documents, rubric and panel,
the partnership's hosts and the call's placements (and their hosts' rankings)."""

import datetime as dt
from decimal import Decimal
from typing import Any

from auditlog.context import set_actor
from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.models import Organisation, User
from sistercity.core.access import Action, require
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.core.models import Pillar
from sistercity.exchange import selectors
from sistercity.exchange.choices import RankingSource
from sistercity.exchange.models import (
    Application,
    Call,
    CallQuestion,
    Criterion,
    HostOrganisation,
    HostRanking,
    PanelMember,
    Placement,
    RequiredDocument,
    ReviewAssignment,
)
from sistercity.exchange.services._common import aware_in_zone, content_language, require_call
from sistercity.partnerships.models import Partnership


def _check_call_rules(
    partnership: Partnership,
    pillar: Pillar,
    *,
    quota: int | None,
    time_zone: str,
    opens_at: dt.datetime,
    closes_at: dt.datetime,
) -> tuple[dt.datetime, dt.datetime]:
    """The call's quota, zone, dates and pillar, or the refusal; the dates made aware."""
    if quota is not None and int(quota) < 0:
        raise SisterCityError(
            _("The quota cannot be negative."), code="negative_quota", field="quota"
        )
    if time_zone not in settings.USER_TIME_ZONES:
        raise SisterCityError(_("Unknown time zone."), code="time_zone", field="time_zone")
    opens_at = aware_in_zone(opens_at, time_zone)
    closes_at = aware_in_zone(closes_at, time_zone)
    if closes_at <= opens_at:
        raise SisterCityError(
            _("The call must close after it opens."), code="dates", field="closes_at"
        )
    if not partnership.pillars.filter(pk=pillar.pk).exists():
        raise SisterCityError(
            _("The pillar “{pillar}” is not in this partnership's scope.").format(pillar=pillar),
            code="pillar",
            field="pillar",
        )
    return opens_at, closes_at


def call_create(
    *,
    actor: User,
    partnership: Partnership,
    pillar: Pillar,
    slug: str,
    call_type: str,
    direction: str,
    title: str,
    opens_at: dt.datetime,
    closes_at: dt.datetime,
    quota: int,
    time_zone: str = "Asia/Jakarta",
    summary: str = "",
    description: str = "",
    language: str | None = None,
    **rules: Any,
) -> Call:
    """A new call (unpublished). Opening and closing times without a zone are read in the
    call's own time zone."""
    require(actor, partnership, Action.CHANGE)
    opens_at, closes_at = _check_call_rules(
        partnership,
        pillar,
        quota=quota,
        time_zone=time_zone,
        opens_at=opens_at,
        closes_at=closes_at,
    )
    with transaction.atomic(), set_actor(actor):
        call = Call(
            partnership=partnership,
            pillar=pillar,
            slug=slug,
            call_type=call_type,
            direction=direction,
            time_zone=time_zone,
            opens_at=opens_at,
            closes_at=closes_at,
            quota=quota,
            **rules,
        )
        call.set_current_language(language or content_language(actor))
        call.title = title
        call.summary = summary
        call.description = description
        full_clean(call)
        call.save()
    return call


def call_publish(*, actor: User, call: Call, published: bool = True) -> Call:
    require_call(actor, call)
    with transaction.atomic(), set_actor(actor):
        call.is_published = published
        call.save(update_fields=["is_published", "updated_at"])
    return call


def _translated_child(
    model: type[models.Model], *, call: Call, field: str, texts: dict[str, str], **values: Any
) -> Any:
    if not any(texts.values()):
        raise SisterCityError(_("Give the text in at least one language."), code="text_required")
    obj: Any = model(call=call, **values)
    for code, text in texts.items():
        if text:
            obj.set_current_language(code)
            setattr(obj, field, text)
    full_clean(obj)
    obj.save()
    return obj


def question_add(
    *, actor: User, call: Call, texts: dict[str, str], is_required: bool = True
) -> CallQuestion:
    require_call(actor, call)
    with transaction.atomic(), set_actor(actor):
        position = call.questions.count() + 1
        return _translated_child(
            CallQuestion,
            call=call,
            field="text",
            texts=texts,
            position=position,
            is_required=is_required,
        )


def required_document_add(
    *, actor: User, call: Call, code: str, texts: dict[str, str]
) -> RequiredDocument:
    require_call(actor, call)
    if call.required_documents.filter(code=code).exists():
        raise SisterCityError(
            _("The call already asks for this document."), code="duplicate", field="code"
        )
    with transaction.atomic(), set_actor(actor):
        return _translated_child(
            RequiredDocument,
            call=call,
            field="label",
            texts=texts,
            code=code,
            position=call.required_documents.count() + 1,
        )


def criterion_add(
    *,
    actor: User,
    call: Call,
    code: str,
    texts: dict[str, str],
    weight: Decimal | float | int | str,
    max_score: int = 10,
) -> Criterion:
    require_call(actor, call)
    if Decimal(weight) <= 0:
        raise SisterCityError(
            _("A criterion's weight must be above zero."), code="weight", field="weight"
        )
    if int(max_score) < 1:
        raise SisterCityError(
            _("The maximum score must be at least 1."), code="max_score", field="max_score"
        )
    if call.criteria.filter(code=code).exists():
        raise SisterCityError(
            _("The rubric already has this criterion."), code="duplicate", field="code"
        )
    if ReviewAssignment.objects.filter(application__call=call, submitted_at__isnull=False).exists():
        raise SisterCityError(
            _("The rubric cannot change once reviewers have scored."), code="rubric_locked"
        )
    with transaction.atomic(), set_actor(actor):
        return _translated_child(
            Criterion,
            call=call,
            field="name",
            texts=texts,
            code=code,
            weight=Decimal(weight),
            max_score=max_score,
            position=call.criteria.count() + 1,
        )


def panel_add(*, actor: User, call: Call, reviewer: User) -> PanelMember:
    """Put a reviewer on the call's panel: a person with a reviewer role in one of the
    partnership's municipalities (or their agencies)."""
    require_call(actor, call)
    if not reviewer.is_active:
        raise SisterCityError(_("This account is not active."), code="inactive")
    if not selectors.panel_candidates(call).filter(pk=reviewer.pk).exists():
        raise SisterCityError(
            _("{name} is not a reviewer in one of the partnership's municipalities.").format(
                name=reviewer
            ),
            code="not_reviewer",
        )
    with transaction.atomic(), set_actor(actor):
        member, created = PanelMember.objects.get_or_create(call=call, user=reviewer)
        if not created:
            raise SisterCityError(
                _("This reviewer is already on the panel."), code="duplicate", field="reviewer"
            )
    return member


def host_create(
    *,
    actor: User,
    partnership: Partnership,
    slug: str,
    kind: str,
    city: Organisation,
    name: str,
    description: str = "",
    contact_email: str = "",
    language: str | None = None,
) -> HostOrganisation:
    require(actor, partnership, Action.CHANGE)
    if not partnership.municipalities.filter(pk=city.pk).exists():
        raise SisterCityError(
            _("The host must be in one of the partnership's municipalities."), code="city"
        )
    if HostOrganisation.objects.filter(partnership=partnership, slug=slug).exists():
        raise SisterCityError(
            _("A host with this short name exists already."), code="duplicate", field="slug"
        )
    with transaction.atomic(), set_actor(actor):
        host = HostOrganisation(
            partnership=partnership, slug=slug, kind=kind, city=city, contact_email=contact_email
        )
        host.set_current_language(language or content_language(actor))
        host.name = name
        host.description = description
        full_clean(host)
        host.save()
    return host


def _check_capacity(call: Call, capacity: Any, *, excluding: Placement | None = None) -> int:
    try:
        capacity = int(capacity)
    except (TypeError, ValueError):
        raise SisterCityError(
            _("The number of places must be a whole number."), code="capacity"
        ) from None
    if capacity < 0:
        raise SisterCityError(
            _("The number of places cannot be negative (got {value}).").format(value=capacity),
            code="negative_capacity",
            field="capacity",
        )
    others = call.placements.all()
    if excluding is not None:
        others = others.exclude(pk=excluding.pk)
    total = sum(others.values_list("capacity", flat=True)) + capacity
    if total > call.quota:
        raise SisterCityError(
            _("The placements would provide {total} places; the call's quota is {quota}.").format(
                total=total, quota=call.quota
            ),
            code="over_quota",
            field="capacity",
        )
    return capacity


def placement_create(
    *,
    actor: User,
    call: Call,
    host: HostOrganisation,
    code: str,
    capacity: Any,
    title: str,
    field_of_study: str = "",
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    requirements: str = "",
    language: str | None = None,
) -> Placement:
    require_call(actor, call)
    capacity = _check_capacity(call, capacity)
    if host.partnership_id != call.partnership_id:
        raise SisterCityError(_("The host belongs to another partnership."), code="host")
    if starts_on and ends_on and ends_on < starts_on:
        raise SisterCityError(
            _("The placement cannot end before it starts."), code="dates", field="ends_on"
        )
    if call.placements.filter(code=code).exists():
        raise SisterCityError(
            _("The call already has a placement “{code}”.").format(code=code),
            code="duplicate",
            field="code",
        )
    with transaction.atomic(), set_actor(actor):
        placement = Placement(
            call=call,
            host=host,
            code=code,
            capacity=capacity,
            field_of_study=field_of_study,
            starts_on=starts_on,
            ends_on=ends_on,
        )
        placement.set_current_language(language or content_language(actor))
        placement.title = title
        placement.requirements = requirements
        full_clean(placement)
        placement.save()
    return placement


def placement_set_capacity(*, actor: User, placement: Placement, capacity: Any) -> Placement:
    """Change the number of places; never below the places already accepted."""
    require_call(actor, placement.call)
    capacity = _check_capacity(placement.call, capacity, excluding=placement)
    with transaction.atomic(), set_actor(actor):
        locked = Placement.objects.select_for_update().get(pk=placement.pk)
        accepted = selectors.accepted_count(locked)
        if capacity < accepted:
            raise SisterCityError(
                _("{accepted} places are already accepted; the capacity cannot go below.").format(
                    accepted=accepted
                ),
                code="below_accepted",
            )
        locked.capacity = capacity
        locked.save(update_fields=["capacity", "updated_at"])
    placement.capacity = capacity
    return placement


def _check_tiers(placement: Placement, tiers: list[list[Application]]) -> None:
    seen: set[int] = set()
    for tier in tiers:
        for application in tier:
            if application.call_id != placement.call_id:
                raise SisterCityError(
                    _("{application} did not apply to this call.").format(application=application),
                    code="unknown_applicant",
                )
            if application.pk in seen:
                raise SisterCityError(
                    _("{application} is ranked more than once.").format(application=application),
                    code="duplicate_preference",
                )
            seen.add(application.pk)


def placement_rank(
    *, actor: User, placement: Placement, tiers: list[list[Application]]
) -> Placement:
    """Record the host's ranking of the applicants it accepts (tiers, best first; equal
    applicants share a tier). An empty ranking returns to the panel's."""
    require_call(actor, placement.call)
    _check_tiers(placement, tiers)
    with transaction.atomic(), set_actor(actor):
        HostRanking.objects.filter(placement=placement).delete()
        rows = [
            HostRanking(placement=placement, application=a, tier=index)
            for index, tier in enumerate((t for t in tiers if t), start=1)
            for a in tier
        ]
        HostRanking.objects.bulk_create(rows)
        placement.ranking_source = RankingSource.HOST if rows else RankingSource.PANEL
        placement.save(update_fields=["ranking_source", "updated_at"])
    return placement
