"""Realised investment, entered once per project and quarter in the LKPM layout, and reported
upward from here (export, indicator feeds) instead of being typed again."""

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
from sistercity.investment.services.common import check_amount, require_pipeline
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
    require_pipeline(actor, lead)
    if stage_index(lead.stage) < stage_index(c.REALISATION_FROM_STAGE):
        raise SisterCityError(
            _(
                "Realised investment is recorded from the letter of intent on; this lead is at "
                "“{stage}”."
            ).format(stage=c.Stage(lead.stage).label),
            code="stage",
        )
    if currency not in REALISATION_CURRENCIES:
        raise SisterCityError(
            _("Realised investment is reported in rupiah (IDR) or US dollars (USD)."),
            code="currency",
        )
    _check_period(lead, year, quarter, today or timezone.localdate())
    parts = {
        _("Land"): land,
        _("Buildings"): building,
        _("Machinery and equipment"): machinery,
        _("Other fixed capital"): other_fixed,
        _("Working capital"): working_capital,
    }
    for label, amount in parts.items():
        check_amount(amount, currency, label)
    check_amount(sum(parts.values(), Decimal(0)), currency, _("The quarter's total"))
    _check_jobs(local_men, local_women, local_total, expatriates)
    with transaction.atomic(), set_actor(actor):
        realisation = Realisation(
            lead=lead,
            year=year,
            quarter=quarter,
            currency=currency,
            land=land,
            building=building,
            machinery=machinery,
            other_fixed=other_fixed,
            working_capital=working_capital,
            local_men=local_men,
            local_women=local_women,
            local_total=local_total,
            expatriates=expatriates,
            note=note,
            recorded_by=actor,
        )
        full_clean(realisation)
        realisation.save()
    return realisation
