"""Programmes and what hangs under them: activities (with their organisations and places),
results, indicators, periods, budget lines and transactions.

Who may write: the partnership's secretariat and partner officers on every pillar, an agency
officer on the pillars of his membership — one rule, ``core.access.require`` with the
programme's pillar.
"""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.models import Organisation, User
from sistercity.core.access import Action, require
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.core.models import Pillar
from sistercity.partnerships.models import Partnership
from sistercity.programs import choices as c
from sistercity.programs import feeds
from sistercity.programs.models import (
    ActionPlanItem,
    Activity,
    BudgetLine,
    Indicator,
    Location,
    ParticipatingOrganisation,
    Period,
    Programme,
    Result,
    Transaction,
)


def set_texts(obj: Any, language: str, **texts: str) -> None:
    """Write content fields in the language the person typed them in."""
    obj.set_current_language(language)
    for name, value in texts.items():
        setattr(obj, name, value)


def require_programme(actor: User, obj: Any, programme: Programme) -> None:
    """404 for someone who may not see ``obj``; 403 unless the actor changes the programme's
    pillar."""
    require(actor, obj, Action.CHANGE, pillar=programme.pillar_id)


def programme_create(
    *,
    actor: User,
    partnership: Partnership,
    pillar: Pillar,
    code: str,
    title: str,
    language: str,
    description: str = "",
    status: str = c.ActivityStatus.IMPLEMENTATION,
    is_public: bool = False,
    weight: Decimal = Decimal(1),
    lead_agencies: Iterable[Organisation] = (),
    plan_items: Iterable[ActionPlanItem] = (),
) -> Programme:
    require(actor, partnership, Action.CHANGE, pillar=pillar.pk)
    if not partnership.pillars.filter(pk=pillar.pk).exists():
        raise SisterCityError(
            _("“{pillar}” is not a pillar of this partnership.").format(pillar=pillar),
            code="pillar",
        )
    with transaction.atomic(), set_actor(actor):
        programme = Programme(
            partnership=partnership,
            pillar=pillar,
            code=code,
            status=status,
            is_public=is_public,
            weight=weight,
        )
        set_texts(programme, language, title=title, description=description)
        full_clean(programme)
        programme.save()
        programme.lead_agencies.set(lead_agencies)
        programme.plan_items.set(plan_items)
    return programme


def activity_create(
    *,
    actor: User,
    programme: Programme,
    code: str,
    title: str,
    language: str,
    description: str = "",
    status: str = c.ActivityStatus.PIPELINE,
    planned_start: dt.date | None = None,
    planned_end: dt.date | None = None,
    actual_start: dt.date | None = None,
    actual_end: dt.date | None = None,
    is_public: bool = False,
    sector_code: str = "",
) -> Activity:
    require_programme(actor, programme, programme)
    for start, end in ((planned_start, planned_end), (actual_start, actual_end)):
        if start and end and end < start:
            raise SisterCityError(_("An activity cannot end before it starts."), code="dates")
    with transaction.atomic(), set_actor(actor):
        activity = Activity(
            programme=programme,
            code=code,
            status=status,
            planned_start=planned_start,
            planned_end=planned_end,
            actual_start=actual_start,
            actual_end=actual_end,
            is_public=is_public,
            sector_code=sector_code,
        )
        set_texts(activity, language, title=title, description=description)
        full_clean(activity)
        activity.save()
    return activity


def activity_add_participant(
    *, actor: User, activity: Activity, organisation: Organisation, role: str
) -> ParticipatingOrganisation:
    """An organisation's IATI role in an activity (funding, accountable, extending,
    implementing)."""
    require_programme(actor, activity, activity.programme)
    if role not in c.OrganisationRole.values:
        raise SisterCityError(_("Unknown role."), code="role")
    if activity.participants.filter(organisation=organisation, role=role).exists():
        raise SisterCityError(
            _("“{organisation}” already has this role in the activity.").format(
                organisation=organisation
            ),
            code="duplicate",
        )
    with transaction.atomic(), set_actor(actor):
        participant = ParticipatingOrganisation(
            activity=activity, organisation=organisation, role=role
        )
        full_clean(participant)
        participant.save()
    return participant


def activity_add_location(
    *,
    actor: User,
    activity: Activity,
    name: str,
    admin_level: str = "",
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
) -> Location:
    """Where an activity happens; coordinates are optional but come as a pair."""
    require_programme(actor, activity, activity.programme)
    if latitude is None or longitude is None:
        if (latitude is None) != (longitude is None):
            raise SisterCityError(
                _("Give both latitude and longitude, or neither."), code="coordinates"
            )
    elif not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise SisterCityError(
            _("Latitude must lie between −90 and 90 and longitude between −180 and 180."),
            code="coordinates",
        )
    with transaction.atomic(), set_actor(actor):
        location = Location(
            activity=activity,
            name=name,
            admin_level=admin_level,
            latitude=latitude,
            longitude=longitude,
        )
        full_clean(location)
        location.save()
    return location


def result_create(
    *,
    actor: User,
    programme: Programme,
    result_type: str,
    title: str,
    language: str,
    status: str = c.ResultStatus.NOT_STARTED,
    weight: Decimal = Decimal(1),
    activity: Activity | None = None,
) -> Result:
    require_programme(actor, programme, programme)
    with transaction.atomic(), set_actor(actor):
        result = Result(
            programme=programme,
            result_type=result_type,
            status=status,
            weight=weight,
            activity=activity,
        )
        set_texts(result, language, title=title)
        full_clean(result)
        result.save()
    return result


def _check_indicator(*, partnership: Partnership, code: str, disaggregations: Any) -> None:
    if Indicator.objects.filter(result__programme__partnership=partnership, code=code).exists():
        raise SisterCityError(
            _("An indicator with the code “{code}” already exists.").format(code=code),
            code="duplicate",
        )
    unknown = set(disaggregations) - set(c.Disaggregation.values)
    if unknown:
        raise SisterCityError(
            _("Unknown disaggregation: {names}.").format(names=", ".join(sorted(unknown))),
            code="disaggregation",
        )


def indicator_create(
    *,
    actor: User,
    result: Result,
    code: str,
    title: str,
    language: str,
    measure: str,
    ascending: bool = True,
    cumulative: bool = True,
    unit: str = "",
    baseline_year: int | None = None,
    baseline_value: Decimal | None = None,
    weight: Decimal = Decimal(1),
    disaggregations: Iterable[str] = (),
    feed: str = "",
) -> Indicator:
    """A measure of a result; ``feed`` names a count a sector app registers (or "" when the
    values are typed by hand)."""
    programme = result.programme
    require_programme(actor, result, programme)
    _check_indicator(partnership=programme.partnership, code=code, disaggregations=disaggregations)
    feeds.feed_check(feed)
    with transaction.atomic(), set_actor(actor):
        indicator = Indicator(
            result=result,
            code=code,
            measure=measure,
            ascending=ascending,
            cumulative=cumulative,
            unit=unit,
            baseline_year=baseline_year,
            baseline_value=baseline_value,
            weight=weight,
            disaggregations=list(disaggregations),
            feed=feed,
        )
        set_texts(indicator, language, title=title)
        full_clean(indicator)
        indicator.save()
    return indicator


def period_create(
    *,
    actor: User,
    indicator: Indicator,
    start: dt.date,
    end: dt.date,
    target_value: Decimal | None = None,
    target_comment: str = "",
) -> Period:
    require_programme(actor, indicator, indicator.result.programme)
    if end < start:
        raise SisterCityError(_("A period cannot end before it starts."), code="dates")
    if indicator.periods.filter(start__lte=end, end__gte=start).exists():
        raise SisterCityError(
            _("This period overlaps another period of the indicator."), code="overlap"
        )
    if target_value is not None and not indicator.is_quantitative:
        raise SisterCityError(
            _("A qualitative indicator takes a target comment, not a number."), code="qualitative"
        )
    with transaction.atomic(), set_actor(actor):
        period = Period(
            indicator=indicator,
            start=start,
            end=end,
            target_value=target_value,
            target_comment=target_comment,
        )
        full_clean(period)
        period.save()
    return period


def budget_line_add(
    *,
    actor: User,
    programme: Programme,
    source: str,
    side: str,
    year: int,
    amount: Decimal,
    currency: str,
    activity: Activity | None = None,
    note: str = "",
) -> BudgetLine:
    require_programme(actor, programme, programme)
    with transaction.atomic(), set_actor(actor):
        line = BudgetLine(
            programme=programme,
            activity=activity,
            source=source,
            side=side,
            year=year,
            amount=amount,
            currency=currency,
            note=note,
        )
        full_clean(line)
        line.save()
    return line


def transaction_add(
    *,
    actor: User,
    programme: Programme,
    kind: str,
    source: str,
    side: str,
    on: dt.date,
    amount: Decimal,
    currency: str,
    activity: Activity | None = None,
    note: str = "",
) -> Transaction:
    require_programme(actor, programme, programme)
    with transaction.atomic(), set_actor(actor):
        record = Transaction(
            programme=programme,
            activity=activity,
            kind=kind,
            source=source,
            side=side,
            on=on,
            amount=amount,
            currency=currency,
            note=note,
        )
        full_clean(record)
        record.save()
    return record
