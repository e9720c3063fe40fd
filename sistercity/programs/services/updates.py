"""Indicator updates and their approval: draft → submitted → returned with comment (corrected
and resubmitted by its author) → approved. Only approved values count; an update is never
approved by its author; a locked period takes no more updates and no more reviews.

Who may write: an update's author is someone who changes the programme's pillar (an agency
officer of that pillar, the secretariat, a partner officer); reviews and locking a period are
for those who change the whole partnership (the secretariat and partner officers).
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.models import User
from sistercity.core.access import Action, require
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.core.validators import NUL_MESSAGE, contains_nul
from sistercity.programs import choices as c
from sistercity.programs import feeds
from sistercity.programs.models import Indicator, IndicatorUpdate, Period
from sistercity.programs.services.programmes import require_programme

Disaggregation = dict[str, dict[str, Any]]

EDITABLE = (c.UpdateStatus.DRAFT, c.UpdateStatus.RETURNED)


def _locked_period_error() -> SisterCityError:
    return SisterCityError(_("This period is locked: it takes no more updates."), code="locked")


def _check_started(period: Period) -> None:
    """An actual value is what happened: a period that has not started has none yet (its
    target is planned on the period itself)."""
    if period.start > timezone.localdate():
        raise SisterCityError(
            _(
                "The period {start} – {end} has not started yet: its actual value can be "
                "entered from {start}."
            ).format(start=formats.date_format(period.start), end=formats.date_format(period.end)),
            code="period_not_started",
        )


def _check_value(indicator: Indicator, value: Any, narrative: str) -> None:
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


def _check_disaggregation(
    indicator: Indicator, disaggregation: Disaggregation | None
) -> dict[str, dict[str, str]]:
    """{dimension: {category: number}}; only the indicator's dimensions; numbers only.

    The shape is checked too, since the API passes on whatever JSON it was sent: a dimension
    whose value is a number or a list, or a NUL character in a name, is refused."""
    if disaggregation is None:
        disaggregation = {}
    if not isinstance(disaggregation, dict):
        raise _disaggregation_shape_error()
    if contains_nul(disaggregation):
        raise SisterCityError(NUL_MESSAGE, code="nul_character")
    cleaned: dict[str, dict[str, str]] = {}
    for dimension, categories in disaggregation.items():
        if dimension not in indicator.disaggregations:
            raise SisterCityError(
                _("“{dimension}” is not a disaggregation of this indicator.").format(
                    dimension=dimension
                ),
                code="disaggregation",
            )
        if not isinstance(categories, dict):
            raise _disaggregation_shape_error()
        cleaned[dimension] = {}
        for category, amount in categories.items():
            if isinstance(amount, bool | list | dict):
                raise SisterCityError(_("Enter a number."), code="not_a_number")
            try:
                cleaned[dimension][str(category)] = str(Decimal(str(amount)))
            except ArithmeticError:
                raise SisterCityError(_("Enter a number."), code="not_a_number") from None
    return cleaned


def _disaggregation_shape_error() -> SisterCityError:
    return SisterCityError(
        _(
            "The values by dimension must name, for each dimension, its categories and a number "
            "for each, e.g. {example}."
        ).format(example='{"sex": {"female": 2, "male": 6}}'),
        code="disaggregation",
    )


def update_create(
    *,
    actor: User,
    period: Period,
    value: Any = None,
    narrative: str = "",
    disaggregation: Disaggregation | None = None,
    submit: bool = False,
) -> IndicatorUpdate:
    """A new value for a period, by an agency officer of the pillar or the secretariat."""
    indicator = period.indicator
    require_programme(actor, period, indicator.result.programme)
    if period.is_locked:
        raise _locked_period_error()
    _check_started(period)
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


def _require_author(actor: User, update: IndicatorUpdate, message: Any) -> None:
    """The opening of the author's own steps: the pillar's right, the authorship, an update
    still in the author's hands, a period still open."""
    require_programme(actor, update, update.period.indicator.result.programme)
    if update.author_id != actor.pk:
        raise SisterCityError(message, code="not_author")
    if update.status not in EDITABLE:
        raise SisterCityError(_("A submitted or approved update cannot be changed."), code="state")
    if update.period.is_locked:
        raise _locked_period_error()


def update_submit(*, actor: User, update: IndicatorUpdate) -> IndicatorUpdate:
    with transaction.atomic(), set_actor(actor):
        update = _locked_update(update.pk)
        require_programme(actor, update, update.period.indicator.result.programme)
        if update.author_id != actor.pk:
            raise SisterCityError(_("Only the author can submit an update."), code="not_author")
        if update.status not in EDITABLE:
            raise SisterCityError(_("This update has already been submitted."), code="state")
        if update.period.is_locked:
            raise _locked_period_error()
        update.status = c.UpdateStatus.SUBMITTED
        update.submitted_at = timezone.now()
        update.save(update_fields=["status", "submitted_at", "updated_at"])
    return update


def update_revise(
    *,
    actor: User,
    update: IndicatorUpdate,
    value: Any = None,
    narrative: str = "",
    disaggregation: Disaggregation | None = None,
    submit: bool = False,
) -> IndicatorUpdate:
    """The author corrects a draft or a returned update — and, with ``submit``, sends it back
    for approval in the same step. ``disaggregation`` None keeps the values by dimension as
    they are; a dict (``{}`` too) replaces them."""
    with transaction.atomic(), set_actor(actor):
        update = _locked_update(update.pk)
        _require_author(actor, update, _("Only the author can change an update."))
        indicator = update.period.indicator
        _check_value(indicator, value, narrative)
        if disaggregation is not None:
            update.disaggregation = _check_disaggregation(indicator, disaggregation)
        update.value = value if indicator.is_quantitative else None
        update.narrative = narrative
        fields = ["value", "narrative", "disaggregation", "updated_at"]
        if submit:
            update.status = c.UpdateStatus.SUBMITTED
            update.submitted_at = timezone.now()
            fields += ["status", "submitted_at"]
        full_clean(update)
        update.save(update_fields=fields)
    return update


def _review(actor: User, update_id: int, *, approve: bool, comment: str) -> IndicatorUpdate:
    with transaction.atomic(), set_actor(actor):
        update = _locked_update(update_id)
        require(actor, update, Action.CHANGE)
        if update.status != c.UpdateStatus.SUBMITTED:
            raise SisterCityError(_("Only a submitted update can be reviewed."), code="state")
        if update.author_id == actor.pk:
            raise SisterCityError(
                _("An update cannot be approved or returned by its own author."), code="own"
            )
        if update.period.is_locked:
            raise _locked_period_error()
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


def update_approve(*, actor: User, update: IndicatorUpdate, comment: str = "") -> IndicatorUpdate:
    return _review(actor, update.pk, approve=True, comment=comment)


def update_return(*, actor: User, update: IndicatorUpdate, comment: str) -> IndicatorUpdate:
    return _review(actor, update.pk, approve=False, comment=comment)


def period_lock(*, actor: User, period: Period) -> Period:
    """The secretariat closes a period: it takes no more updates or reviews. Locking a locked
    period changes nothing."""
    require(actor, period, Action.CHANGE)
    if not period.is_locked:
        with transaction.atomic(), set_actor(actor):
            period.is_locked = True
            period.save(update_fields=["is_locked", "updated_at"])
    return period


def indicator_feed(
    *, actor: User, indicator: Indicator, today: dt.date | None = None
) -> IndicatorUpdate:
    """Count an indicator's value from the sector app it is fed by (e.g. the exchange
    participants of the partnership's calls in the indicator's pillar) and submit it for the
    current period.

    A count is a level ("participants so far"), so it replaces rather than adds: the update is
    an ordinary one and counts only once approved.
    """
    today = today or timezone.localdate()
    programme = indicator.result.programme
    require_programme(actor, indicator, programme)
    feed = feeds.feed_check(indicator.feed)
    if feed is None:
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
    value = Decimal(feed.count(programme.partnership, programme.pillar))
    narrative = str(
        _("Counted from “{feed}” on {date}.").format(feed=feed.label, date=today.isoformat())
    )
    return update_create(actor=actor, period=period, value=value, narrative=narrative, submit=True)
