"""Writes for what Batang offers: incentives, sectors sought, plots and factories, projects
open to partners. An incentive past its validity is never offered on a new opportunity."""

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from sistercity.core.errors import SisterCityError, full_clean
from sistercity.investment.models import Incentive, Opportunity, PartnerProject, TargetSector
from sistercity.investment.services.common import (
    check_amount,
    check_same_partnership,
    content_language,
    require_pipeline,
    works_pipeline,
)


def _check_code(model: Any, partnership: Any, code: str) -> None:
    if model.objects.filter(partnership=partnership, code=code).exists():
        raise SisterCityError(
            _("The short name “{code}” is already used here.").format(code=code),
            code="duplicate",
        )


def incentive_create(
    *,
    actor: Any,
    partnership: Any,
    code: str,
    kind: str,
    name: str,
    legal_source: str,
    valid_from: dt.date,
    valid_until: dt.date | None = None,
    summary: str = "",
    source_url: str = "",
    verified: bool = False,
    language: str | None = None,
    is_sample: bool = False,
) -> Incentive:
    require_pipeline(actor, partnership)
    _check_code(Incentive, partnership, code)
    if valid_until is not None and valid_until < valid_from:
        raise SisterCityError(_("An incentive cannot end before it starts."), code="validity")
    with transaction.atomic(), set_actor(actor):
        incentive = Incentive(
            partnership=partnership,
            code=code,
            kind=kind,
            legal_source=legal_source,
            source_url=source_url,
            valid_from=valid_from,
            valid_until=valid_until,
            verified=verified,
            is_sample=is_sample,
        )
        incentive.set_current_language(content_language(language))
        incentive.name = name
        incentive.summary = summary
        full_clean(incentive)
        incentive.save()
    return incentive


def sector_create(
    *,
    actor: Any,
    partnership: Any,
    code: str,
    name: str,
    kbli: str = "",
    position: int = 0,
    language: str | None = None,
) -> TargetSector:
    require_pipeline(actor, partnership)
    _check_code(TargetSector, partnership, code)
    with transaction.atomic(), set_actor(actor):
        sector = TargetSector(partnership=partnership, code=code, kbli=kbli, position=position)
        sector.set_current_language(content_language(language))
        sector.name = name
        full_clean(sector)
        sector.save()
    return sector


def _check_offer(
    partnership: Any,
    owner: Any,
    incentives: Sequence[Incentive],
    sectors: Sequence[TargetSector],
    today: dt.date,
) -> None:
    check_same_partnership(partnership, *incentives, *sectors)
    if not works_pipeline(owner, partnership):
        raise SisterCityError(
            _("{person} does not work on this partnership's investment pipeline.").format(
                person=owner
            ),
            code="owner",
        )
    for incentive in incentives:
        if incentive.valid_until is not None and incentive.valid_until < today:
            raise SisterCityError(
                _(
                    "“{incentive}” was valid only until {date}; an expired incentive cannot "
                    "be offered on a new opportunity."
                ).format(incentive=incentive, date=date_format(incentive.valid_until)),
                code="incentive_expired",
            )
        if incentive.valid_from > today:
            raise SisterCityError(
                _("“{incentive}” is valid only from {date}.").format(
                    incentive=incentive, date=date_format(incentive.valid_from)
                ),
                code="incentive_not_yet",
            )


def opportunity_create(
    *,
    actor: Any,
    partnership: Any,
    code: str,
    kind: str,
    name: str,
    estate: str,
    area_m2: Decimal,
    zoning: str,
    tenure: str,
    price_per_m2: Decimal,
    currency: str,
    owner: Any,
    building_m2: Decimal | None = None,
    electricity_kva: int | None = None,
    water_m3_per_day: int | None = None,
    gas: bool = False,
    wastewater: bool = False,
    availability: str = "available",
    available_from: dt.date | None = None,
    description: str = "",
    sectors: Sequence[TargetSector] = (),
    incentives: Sequence[Incentive] = (),
    is_public: bool = True,
    is_sample: bool = False,
    language: str | None = None,
    today: dt.date | None = None,
) -> Opportunity:
    """A plot or ready-built factory, with the incentives offered on it (each valid today)."""
    require_pipeline(actor, partnership)
    _check_code(Opportunity, partnership, code)
    check_amount(price_per_m2, currency, _("The price per m²"))
    _check_offer(partnership, owner, incentives, sectors, today or timezone.localdate())
    with transaction.atomic(), set_actor(actor):
        opportunity = Opportunity(
            partnership=partnership,
            code=code,
            kind=kind,
            estate=estate,
            area_m2=area_m2,
            building_m2=building_m2,
            zoning=zoning,
            electricity_kva=electricity_kva,
            water_m3_per_day=water_m3_per_day,
            gas=gas,
            wastewater=wastewater,
            tenure=tenure,
            price_per_m2=price_per_m2,
            currency=currency,
            availability=availability,
            available_from=available_from,
            owner=owner,
            is_public=is_public,
            is_sample=is_sample,
        )
        opportunity.set_current_language(content_language(language))
        opportunity.name = name
        opportunity.description = description
        full_clean(opportunity)
        opportunity.save()
        opportunity.sectors.set(sectors)
        opportunity.incentives.set(incentives)
    return opportunity


def project_create(
    *,
    actor: Any,
    partnership: Any,
    code: str,
    name: str,
    owner: Any,
    currency: str = "IDR",
    estimated_cost: Decimal | None = None,
    description: str = "",
    sectors: Sequence[TargetSector] = (),
    incentives: Sequence[Incentive] = (),
    is_public: bool = True,
    is_sample: bool = False,
    language: str | None = None,
    today: dt.date | None = None,
) -> PartnerProject:
    """A project open to partners (e.g. a waste-to-energy plant)."""
    require_pipeline(actor, partnership)
    _check_code(PartnerProject, partnership, code)
    check_amount(estimated_cost, currency, _("The estimated cost"))
    _check_offer(partnership, owner, incentives, sectors, today or timezone.localdate())
    with transaction.atomic(), set_actor(actor):
        project = PartnerProject(
            partnership=partnership,
            code=code,
            currency=currency,
            estimated_cost=estimated_cost,
            owner=owner,
            is_public=is_public,
            is_sample=is_sample,
        )
        project.set_current_language(content_language(language))
        project.name = name
        project.description = description
        full_clean(project)
        project.save()
        project.sectors.set(sectors)
        project.incentives.set(incentives)
    return project
