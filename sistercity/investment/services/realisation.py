"""Realised investment, entered once per project and quarter in the LKPM layout (and corrected,
with a reason, when a figure was wrong), and reported upward from here (export, indicator
feeds) instead of being typed again."""

import datetime as dt
from decimal import Decimal
from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.core.errors import SisterCityError, full_clean
from sistercity.investment import choices as c
from sistercity.investment.models import Lead, Realisation
from sistercity.investment.services.common import check_amount, require_pipeline, split_changes
from sistercity.investment.services.stages import stage_index

# LKPM reports capital in rupiah, or in US dollars for foreign investment (PMA).
REALISATION_CURRENCIES = (c.Currency.IDR, c.Currency.USD)


def quarter_start(year: int, quarter: int) -> dt.date:
    return dt.date(year, 3 * (quarter - 1) + 1, 1)


def quarter_end(year: int, quarter: int) -> dt.date:
    if quarter == 4:
        return dt.date(year, 12, 31)
    return quarter_start(year, quarter + 1) - dt.timedelta(days=1)


def _check_period(lead: Lead, year: int, quarter: int, today: dt.date) -> None:
    if quarter not in (1, 2, 3, 4) or not 2000 <= year <= 2100:
        raise SisterCityError(_("Give the year and a quarter from 1 to 4."), code="quarter")
    if quarter_start(year, quarter) > today:
        raise SisterCityError(
            _(
                "{year} Q{quarter} is in the future; realised investment is reported for "
                "quarters that have begun."
            ).format(year=year, quarter=quarter),
            code="future_quarter",
        )
    if lead.realisations.filter(year=year, quarter=quarter).exists():
        raise SisterCityError(
            _("{year} Q{quarter} is already recorded for this project.").format(
                year=year, quarter=quarter
            ),
            code="duplicate_quarter",
        )


def _check_jobs(local_men: int, local_women: int, local_total: int, expatriates: int) -> None:
    if min(local_men, local_women, local_total, expatriates) < 0:
        raise SisterCityError(_("Numbers of workers cannot be negative."), code="negative_jobs")
    if local_men + local_women != local_total:
        raise SisterCityError(
            _(
                "Indonesian workers: {men} men + {women} women = {sum}, not the total of {total}."
            ).format(
                men=local_men, women=local_women, sum=local_men + local_women, total=local_total
            ),
            code="jobs_total",
            field="local_total",
        )


FIGURES = (
    "currency",
    "land",
    "building",
    "machinery",
    "other_fixed",
    "working_capital",
    "local_men",
    "local_women",
    "local_total",
    "expatriates",
)


def _check_figures(figures: dict[str, Any]) -> None:
    """The LKPM figures of one quarter: a reporting currency, plausible amounts, and the
    Indonesian workers' men + women making their total."""
    currency = figures["currency"]
    if currency not in REALISATION_CURRENCIES:
        raise SisterCityError(
            _("Realised investment is reported in rupiah (IDR) or US dollars (USD)."),
            code="currency",
            field="currency",
        )
    parts = {
        _("Land"): figures["land"],
        _("Buildings"): figures["building"],
        _("Machinery and equipment"): figures["machinery"],
        _("Other fixed capital"): figures["other_fixed"],
        _("Working capital"): figures["working_capital"],
    }
    for label, amount in parts.items():
        check_amount(amount, currency, label)
    check_amount(sum(parts.values(), Decimal(0)), currency, _("The quarter's total"))
    _check_jobs(
        figures["local_men"], figures["local_women"], figures["local_total"], figures["expatriates"]
    )


def realisation_record(
    *,
    actor: Any,
    lead: Lead,
    year: int,
    quarter: int,
    currency: str,
    land: Decimal,
    building: Decimal,
    machinery: Decimal,
    other_fixed: Decimal,
    working_capital: Decimal,
    local_men: int,
    local_women: int,
    local_total: int,
    expatriates: int,
    note: str = "",
    today: dt.date | None = None,
) -> Realisation:
    """One quarter's realised investment of a project, once the letter of intent is there;
    a quarter that has not begun, or one already recorded, is refused."""
    require_pipeline(actor, lead)
    if stage_index(lead.stage) < stage_index(c.REALISATION_FROM_STAGE):
        raise SisterCityError(
            _(
                "Realised investment is recorded from the letter of intent on; this lead is at "
                "“{stage}”."
            ).format(stage=c.Stage(lead.stage).label),
            code="stage",
        )
    figures = {
        "currency": currency,
        "land": land,
        "building": building,
        "machinery": machinery,
        "other_fixed": other_fixed,
        "working_capital": working_capital,
        "local_men": local_men,
        "local_women": local_women,
        "local_total": local_total,
        "expatriates": expatriates,
    }
    _check_figures(figures)
    _check_period(lead, year, quarter, today or timezone.localdate())
    with transaction.atomic(), set_actor(actor):
        realisation = Realisation(
            lead=lead, year=year, quarter=quarter, note=note, recorded_by=actor, **figures
        )
        full_clean(realisation)
        realisation.save()
    return realisation


def realisation_correct(
    *, actor: Any, realisation: Realisation, reason: str, note: str | None = None, **figures: Any
) -> Realisation:
    """Correct a recorded quarter's figures (``FIGURES``; what is not given stays), saying
    why. The change log keeps the figures before and after; the indicators fed from them
    change only when a new count is approved in the programme, like any update."""
    require_pipeline(actor, realisation)
    if not reason.strip():
        raise SisterCityError(
            _("Say why the quarter's figures are corrected."),
            code="reason_required",
            field="reason",
        )
    merged, _none = split_changes(realisation, figures, FIGURES, ())
    _check_figures(merged)
    if all(merged[name] == getattr(realisation, name) for name in FIGURES) and (
        note is None or note == realisation.note
    ):
        raise SisterCityError(
            _("The figures are the same as those recorded; nothing to correct."), code="unchanged"
        )
    with transaction.atomic(), set_actor(actor):
        for name, value in merged.items():
            setattr(realisation, name, value)
        if note is not None:
            realisation.note = note
        realisation.corrected_by = actor
        realisation.corrected_at = timezone.now()
        realisation.correction_reason = reason
        full_clean(realisation)
        realisation.save()
    return realisation
