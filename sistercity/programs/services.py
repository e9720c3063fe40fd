"""Writes for programmes, results, budgets and meetings. Rules live here."""

import datetime as dt
from decimal import Decimal

from auditlog.context import set_actor
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.choices import Role
from sistercity.accounts.models import Membership
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.core.permissions import Action
from sistercity.partnerships.models import Partnership, Pillar
from sistercity.programs import choices as c
from sistercity.programs.models import (
    ActionItem,
    Activity,
    BudgetLine,
    Indicator,
    IndicatorUpdate,
    Location,
    Meeting,
    ParticipatingOrganisation,
    Period,
    Programme,
    Result,
    Transaction,
)


def _can(user, partnership, action) -> bool:
    return Partnership.objects.for_user(user, action).filter(pk=partnership.pk).exists()


def _require_view(user, partnership) -> None:
    if not _can(user, partnership, Action.VIEW):
        raise Http404


def _forbidden():
    return SisterCityError(
        _("Your role does not allow this action on this partnership."),
        code="forbidden",
        status=403,
    )


def agency_officer_pillars(user, partnership) -> set[int]:
    """Pillars an agency officer works on, in an agency of one of the partnership's
    municipalities (or in the municipality itself)."""
    municipality_ids = partnership.municipalities.values("pk")
    return set(
        Membership.objects.filter(user=user, role=Role.AGENCY_OFFICER)
        .filter(organisation__parent__in=municipality_ids)
        .values_list("pillars", flat=True)
    ) | set(
        Membership.objects.filter(
            user=user, role=Role.AGENCY_OFFICER, organisation__in=municipality_ids
        ).values_list("pillars", flat=True)
    ) - {None}


def can_edit_pillar(user, partnership, pillar_id) -> bool:
    """The secretariat and partner officers edit every pillar; an agency officer his own."""
    if _can(user, partnership, Action.CHANGE):
        return True
    return pillar_id in agency_officer_pillars(user, partnership)


def _require_pillar(user, partnership, pillar_id) -> None:
    _require_view(user, partnership)
    if not can_edit_pillar(user, partnership, pillar_id):
        raise _forbidden()


def _require_change(user, partnership) -> None:
    _require_view(user, partnership)
    if not _can(user, partnership, Action.CHANGE):
        raise _forbidden()


def _set_texts(obj, language: str, **texts) -> None:
    obj.set_current_language(language)
    for field, value in texts.items():
        setattr(obj, field, value)


def programme_create(
    *,
    actor,
    partnership: Partnership,
    pillar: Pillar,
    code: str,
    title: str,
    language: str,
    description: str = "",
    status: str = c.ActivityStatus.IMPLEMENTATION,
    is_public: bool = False,
    weight: Decimal = Decimal(1),
    lead_agencies=(),
    plan_items=(),
) -> Programme:
    _require_pillar(actor, partnership, pillar.pk)
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
        _set_texts(programme, language, title=title, description=description)
        full_clean(programme)
        programme.save()
        programme.lead_agencies.set(lead_agencies)
        programme.plan_items.set(plan_items)
    return programme


def activity_create(
    *,
    actor,
    programme: Programme,
    code: str,
    title: str,
    language: str,
    description: str = "",
    status: str = c.ActivityStatus.PIPELINE,
    planned_start=None,
    planned_end=None,
    actual_start=None,
    actual_end=None,
    is_public: bool = False,
    sector_code: str = "",
) -> Activity:
    _require_pillar(actor, programme.partnership, programme.pillar_id)
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
        _set_texts(activity, language, title=title, description=description)
        full_clean(activity)
        activity.save()
    return activity


def result_create(
    *,
    actor,
    programme: Programme,
    result_type: str,
    title: str,
    language: str,
    status: str = c.ResultStatus.NOT_STARTED,
    weight: Decimal = Decimal(1),
    activity=None,
) -> Result:
    _require_pillar(actor, programme.partnership, programme.pillar_id)
    with transaction.atomic(), set_actor(actor):
        result = Result(
            programme=programme,
            result_type=result_type,
            status=status,
            weight=weight,
            activity=activity,
        )
        _set_texts(result, language, title=title)
        full_clean(result)
        result.save()
    return result


def indicator_create(
    *,
    actor,
    result: Result,
    code: str,
    title: str,
    language: str,
    measure: str,
    ascending: bool = True,
    cumulative: bool = True,
    unit: str = "",
    baseline_year=None,
    baseline_value=None,
    weight: Decimal = Decimal(1),
    disaggregations=(),
    feed: str = "",
) -> Indicator:
    partnership = result.programme.partnership
    _require_pillar(actor, partnership, result.programme.pillar_id)
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
        _set_texts(indicator, language, title=title)
        full_clean(indicator)
        indicator.save()
    return indicator


def period_create(
    *,
    actor,
    indicator: Indicator,
    start: dt.date,
    end: dt.date,
    target_value=None,
    target_comment: str = "",
) -> Period:
    programme = indicator.result.programme
    _require_pillar(actor, programme.partnership, programme.pillar_id)
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


def _check_value(indicator: Indicator, value, narrative: str) -> None:
    if indicator.is_quantitative:
        if value is None:
            raise SisterCityError(
                _("“{indicator}” is quantitative: enter a number.").format(indicator=indicator),
                code="value_required",
            )
        if not isinstance(value, Decimal):
            try:
                Decimal(str(value))
            except ArithmeticError:
                raise SisterCityError(_("Enter a number."), code="not_a_number") from None
    elif not narrative.strip():
        raise SisterCityError(
            _("“{indicator}” is qualitative: describe the progress.").format(indicator=indicator),
            code="narrative_required",
        )


def _check_disaggregation(indicator: Indicator, disaggregation: dict) -> dict:
    """{dimension: {category: number}}; only the indicator's dimensions; numbers only."""
    cleaned: dict[str, dict[str, str]] = {}
    for dimension, categories in (disaggregation or {}).items():
        if dimension not in indicator.disaggregations:
            raise SisterCityError(
                _("“{dimension}” is not a disaggregation of this indicator.").format(
                    dimension=dimension
                ),
                code="disaggregation",
            )
        cleaned[dimension] = {}
        for category, amount in categories.items():
            try:
                cleaned[dimension][str(category)] = str(Decimal(str(amount)))
            except ArithmeticError:
                raise SisterCityError(_("Enter a number."), code="not_a_number") from None
    return cleaned


def update_create(
    *,
    actor,
    period: Period,
    value=None,
    narrative: str = "",
    disaggregation=None,
    submit: bool = False,
) -> IndicatorUpdate:
    """A new value for a period, by an agency officer of the pillar or the secretariat."""
    indicator = period.indicator
    programme = indicator.result.programme
    _require_pillar(actor, programme.partnership, programme.pillar_id)
    if period.is_locked:
        raise SisterCityError(_("This period is locked: it takes no more updates."), code="locked")
    _check_value(indicator, value, narrative)
    cleaned = _check_disaggregation(indicator, disaggregation)
    with transaction.atomic(), set_actor(actor):
        update = IndicatorUpdate(
            period=period,
            value=value if indicator.is_quantitative else None,
            narrative=narrative,
            disaggregation=cleaned,
            author=actor,
            status=c.UpdateStatus.SUBMITTED if submit else c.UpdateStatus.DRAFT,
            submitted_at=timezone.now() if submit else None,
        )
        full_clean(update)
        update.save()
    return update


def _locked_update(update_id: int) -> IndicatorUpdate:
    return (
        IndicatorUpdate.objects.select_for_update()
        .select_related("period__indicator__result__programme__partnership")
        .get(pk=update_id)
    )


def update_submit(*, actor, update: IndicatorUpdate) -> IndicatorUpdate:
    with transaction.atomic(), set_actor(actor):
        update = _locked_update(update.pk)
        programme = update.period.indicator.result.programme
        _require_pillar(actor, programme.partnership, programme.pillar_id)
        if update.author_id != actor.pk:
            raise SisterCityError(_("Only the author can submit an update."), code="not_author")
        if update.status not in (c.UpdateStatus.DRAFT, c.UpdateStatus.RETURNED):
            raise SisterCityError(_("This update has already been submitted."), code="state")
        if update.period.is_locked:
            raise SisterCityError(
                _("This period is locked: it takes no more updates."), code="locked"
            )
        update.status = c.UpdateStatus.SUBMITTED
        update.submitted_at = timezone.now()
        update.save(update_fields=["status", "submitted_at", "updated_at"])
    return update


def update_revise(
    *, actor, update: IndicatorUpdate, value=None, narrative: str = ""
) -> IndicatorUpdate:
    """The author corrects a draft or a returned update."""
    with transaction.atomic(), set_actor(actor):
        update = _locked_update(update.pk)
        if update.author_id != actor.pk:
            raise SisterCityError(_("Only the author can change an update."), code="not_author")
        if update.status not in (c.UpdateStatus.DRAFT, c.UpdateStatus.RETURNED):
            raise SisterCityError(
                _("A submitted or approved update cannot be changed."), code="state"
            )
        _check_value(update.period.indicator, value, narrative)
        update.value = value
        update.narrative = narrative
        full_clean(update)
        update.save(update_fields=["value", "narrative", "updated_at"])
    return update


def _review(actor, update_id: int, *, approve: bool, comment: str) -> IndicatorUpdate:
    with transaction.atomic(), set_actor(actor):
        update = _locked_update(update_id)
        _require_change(actor, update.period.indicator.result.programme.partnership)
        if update.status != c.UpdateStatus.SUBMITTED:
            raise SisterCityError(_("Only a submitted update can be reviewed."), code="state")
        if update.author_id == actor.pk:
            raise SisterCityError(
                _("An update cannot be approved or returned by its own author."), code="own"
            )
        if update.period.is_locked:
            raise SisterCityError(
                _("This period is locked: it takes no more updates."), code="locked"
            )
        if not approve and not comment.strip():
            raise SisterCityError(_("Say what needs to change."), code="comment_required")
        update.status = c.UpdateStatus.APPROVED if approve else c.UpdateStatus.RETURNED
        update.reviewer = actor
        update.reviewed_at = timezone.now()
        update.review_comment = comment
        full_clean(update)
        update.save(
            update_fields=["status", "reviewer", "reviewed_at", "review_comment", "updated_at"]
        )
    return update


def update_approve(*, actor, update: IndicatorUpdate, comment: str = "") -> IndicatorUpdate:
    return _review(actor, update.pk, approve=True, comment=comment)


def update_return(*, actor, update: IndicatorUpdate, comment: str) -> IndicatorUpdate:
    return _review(actor, update.pk, approve=False, comment=comment)


def period_lock(*, actor, period: Period) -> Period:
    _require_change(actor, period.indicator.result.programme.partnership)
    with transaction.atomic(), set_actor(actor):
        period.is_locked = True
        period.save(update_fields=["is_locked", "updated_at"])
    return period


def budget_line_add(
    *,
    actor,
    programme: Programme,
    source: str,
    side: str,
    year: int,
    amount: Decimal,
    currency: str,
    activity=None,
    note: str = "",
) -> BudgetLine:
    _require_pillar(actor, programme.partnership, programme.pillar_id)
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
    actor,
    programme: Programme,
    kind: str,
    source: str,
    side: str,
    on: dt.date,
    amount: Decimal,
    currency: str,
    activity=None,
    note: str = "",
) -> Transaction:
    _require_pillar(actor, programme.partnership, programme.pillar_id)
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


def meeting_create(
    *,
    actor,
    partnership: Partnership,
    kind: str,
    held_on: dt.date,
    title: str,
    language: str,
    place: str = "",
    is_joint: bool = True,
    minutes: str = "",
    decisions: str = "",
    participants=(),
    other_participants: str = "",
) -> Meeting:
    _require_change(actor, partnership)
    with transaction.atomic(), set_actor(actor):
        meeting = Meeting(
            partnership=partnership,
            kind=kind,
            held_on=held_on,
            place=place,
            is_joint=is_joint,
            other_participants=other_participants,
        )
        _set_texts(meeting, language, title=title, minutes=minutes, decisions=decisions)
        full_clean(meeting)
        meeting.save()
        meeting.participants.set(participants)
    return meeting


def action_item_add(
    *, actor, meeting: Meeting, description: str, due_on: dt.date, owner=None
) -> ActionItem:
    _require_change(actor, meeting.partnership)
    with transaction.atomic(), set_actor(actor):
        item = ActionItem(meeting=meeting, description=description, due_on=due_on, owner=owner)
        full_clean(item)
        item.save()
    return item


def action_item_set_status(*, actor, item: ActionItem, status: str) -> ActionItem:
    partnership = item.meeting.partnership
    _require_view(actor, partnership)
    if not (_can(actor, partnership, Action.CHANGE) or item.owner_id == actor.pk):
        raise _forbidden()
    if status not in c.ActionItemStatus.values:
        raise SisterCityError(_("Unknown status."), code="status")
    with transaction.atomic(), set_actor(actor):
        item.status = status
        item.save(update_fields=["status", "updated_at"])
    return item


def clause_create(
    *,
    actor,
    partnership: Partnership,
    number: str,
    text: str,
    language: str,
    pillar=None,
    document=None,
):
    from sistercity.programs.models import Clause

    _require_change(actor, partnership)
    with transaction.atomic(), set_actor(actor):
        clause = Clause(partnership=partnership, number=number, pillar=pillar, document=document)
        _set_texts(clause, language, text=text)
        full_clean(clause)
        clause.save()
    return clause


def plan_item_create(
    *,
    actor,
    partnership: Partnership,
    code: str,
    title: str,
    language: str,
    clause=None,
):
    from sistercity.programs.models import ActionPlanItem

    _require_change(actor, partnership)
    if clause is not None and clause.partnership_id != partnership.pk:
        raise Http404
    if ActionPlanItem.objects.filter(partnership=partnership, code=code).exists():
        raise SisterCityError(
            _("An action-plan item with the code “{code}” already exists.").format(code=code),
            code="duplicate",
        )
    with transaction.atomic(), set_actor(actor):
        item = ActionPlanItem(partnership=partnership, code=code, clause=clause)
        _set_texts(item, language, title=title)
        full_clean(item)
        item.save()
    return item


def indicator_feed(*, actor, indicator: Indicator, today: dt.date | None = None) -> IndicatorUpdate:
    """Count an indicator's value from the module it is fed by (e.g. exchange participants of
    the partnership's calls in the indicator's pillar) and submit it for the current period.

    A count is a level ("participants so far"), so it replaces rather than adds: the update is
    an ordinary one and counts only once approved.
    """
    from sistercity.exchange.selectors import exchange_counts

    today = today or timezone.localdate()
    programme = indicator.result.programme
    if not indicator.feed:
        raise SisterCityError(
            _("“{indicator}” is typed by hand, not counted.").format(indicator=indicator),
            code="no_feed",
        )
    period = indicator.periods.filter(start__lte=today, end__gte=today).first()
    if period is None:
        raise SisterCityError(
            _("“{indicator}” has no period covering today.").format(indicator=indicator),
            code="no_period",
        )
    counts = exchange_counts(partnership=programme.partnership, pillar=programme.pillar)
    value = Decimal(counts[indicator.feed.split(":", 1)[1]])
    narrative = str(_("Counted from the exchange calls on {date}.").format(date=today.isoformat()))
    return update_create(actor=actor, period=period, value=value, narrative=narrative, submit=True)


def activity_add_participant(
    *, actor, activity: Activity, organisation, role: str
) -> ParticipatingOrganisation:
    """An organisation's IATI role in an activity (funding, accountable, extending,
    implementing)."""
    programme = activity.programme
    _require_pillar(actor, programme.partnership, programme.pillar_id)
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
    *, actor, activity: Activity, name: str, admin_level: str = "", latitude=None, longitude=None
) -> Location:
    """Where an activity happens; coordinates are optional but come as a pair."""
    programme = activity.programme
    _require_pillar(actor, programme.partnership, programme.pillar_id)
    if (latitude is None) != (longitude is None):
        raise SisterCityError(
            _("Give both latitude and longitude, or neither."), code="coordinates"
        )
    if latitude is not None and not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
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
