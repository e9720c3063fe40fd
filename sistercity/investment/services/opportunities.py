"""Writes for what Batang offers: incentives, sectors sought, plots and factories, projects
open to partners, each created and corrected here. An incentive past its validity is never
offered on a new opportunity."""

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
from sistercity.investment import choices as c
from sistercity.investment.models import Incentive, Opportunity, PartnerProject, TargetSector
from sistercity.investment.services.common import (
    check_amount,
    check_code,
    check_dates,
    check_owner,
    check_same_partnership,
    require_pipeline,
    set_fields,
    set_texts,
    split_changes,
)

INCENTIVE_DATES = _("An incentive cannot end before it starts.")


def _check_incentive(kind: str, source_status: str) -> None:
    if kind not in c.IncentiveKind.values:
        raise SisterCityError(_("Unknown kind of incentive."), code="kind", field="kind")
    if source_status not in c.SourceStatus.values:
        raise SisterCityError(
            _("Say how far the legal source is known."), code="source_status", field="source_status"
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
    source_status: str = c.SourceStatus.UNCHECKED,
    source_note: str = "",
    language: str | None = None,
    is_sample: bool = False,
) -> Incentive:
    """An incentive with the regulation that grants it, its validity and how far its source
    is known (checked against the official text, not yet checked, or from the press only)."""
    require_pipeline(actor, partnership)
    check_code(Incentive, partnership, code)
    _check_incentive(kind, source_status)
    check_dates(valid_from, valid_until, INCENTIVE_DATES)
    with transaction.atomic(), set_actor(actor):
        incentive = Incentive(
            partnership=partnership,
            code=code,
            kind=kind,
            legal_source=legal_source,
            source_url=source_url,
            valid_from=valid_from,
            valid_until=valid_until,
            source_status=source_status,
            is_sample=is_sample,
        )
        set_texts(incentive, language, name=name, summary=summary, source_note=source_note)
        full_clean(incentive)
        incentive.save()
    return incentive


INCENTIVE_FIELDS = (
    "kind",
    "legal_source",
    "source_url",
    "valid_from",
    "valid_until",
    "source_status",
)
INCENTIVE_TEXTS = ("name", "summary", "source_note")


def incentive_update(
    *, actor: Any, incentive: Incentive, language: str | None = None, **changes: Any
) -> Incentive:
    """Correct an incentive: its source, how far that is known, its validity (``fields``) or
    texts (in ``language``); what is not given stays. Opportunities already offering it keep
    it; a new one is refused it once it has expired."""
    require_pipeline(actor, incentive)
    fields, texts = split_changes(incentive, changes, INCENTIVE_FIELDS, INCENTIVE_TEXTS)
    _check_incentive(fields["kind"], fields["source_status"])
    check_dates(fields["valid_from"], fields["valid_until"], INCENTIVE_DATES)
    with transaction.atomic(), set_actor(actor):
        set_fields(incentive, fields)
        set_texts(incentive, language, **texts)
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
    """A sector Batang seeks investors for, with its KBLI 2020 code."""
    require_pipeline(actor, partnership)
    check_code(TargetSector, partnership, code)
    with transaction.atomic(), set_actor(actor):
        sector = TargetSector(partnership=partnership, code=code, kbli=kbli, position=position)
        set_texts(sector, language, name=name)
        full_clean(sector)
        sector.save()
    return sector


def sector_update(
    *,
    actor: Any,
    sector: TargetSector,
    name: str,
    kbli: str = "",
    position: int = 0,
    language: str | None = None,
) -> TargetSector:
    require_pipeline(actor, sector)
    with transaction.atomic(), set_actor(actor):
        set_fields(sector, {"kbli": kbli, "position": position})
        set_texts(sector, language, name=name)
        full_clean(sector)
        sector.save()
    return sector


def _check_offer(
    partnership: Any,
    owner: Any,
    incentives: Sequence[Incentive],
    sectors: Sequence[TargetSector],
    today: dt.date,
    offered: Sequence[Incentive] = (),
) -> None:
    """The owner works the pipeline; each incentive newly ``offered`` is valid today (one
    already on the offer stays when it expires: the prospectus no longer shows it)."""
    check_same_partnership(partnership, *incentives, *sectors)
    check_owner(partnership, owner)
    already = {incentive.pk for incentive in offered}
    for incentive in (i for i in incentives if i.pk not in already):
        if incentive.valid_until is not None and incentive.valid_until < today:
            raise SisterCityError(
                _(
                    "“{incentive}” was valid only until {date}; an expired incentive cannot "
                    "be offered on a new opportunity."
                ).format(incentive=incentive, date=date_format(incentive.valid_until)),
                code="incentive_expired",
                field="incentives",
            )
        if incentive.valid_from > today:
            raise SisterCityError(
                _("“{incentive}” is valid only from {date}.").format(
                    incentive=incentive, date=date_format(incentive.valid_from)
                ),
                code="incentive_not_yet",
                field="incentives",
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
    check_code(Opportunity, partnership, code)
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
        set_texts(opportunity, language, name=name, description=description)
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
    status: str = c.ProjectStatus.OPEN,
    sectors: Sequence[TargetSector] = (),
    incentives: Sequence[Incentive] = (),
    is_public: bool = True,
    is_sample: bool = False,
    language: str | None = None,
    today: dt.date | None = None,
) -> PartnerProject:
    """A project open to partners (e.g. a waste-to-energy plant)."""
    require_pipeline(actor, partnership)
    check_code(PartnerProject, partnership, code)
    project = PartnerProject(partnership=partnership, code=code, is_sample=is_sample)
    return _project_save(
        actor,
        project,
        fields={
            "owner": owner,
            "currency": currency,
            "estimated_cost": estimated_cost,
            "status": status,
            "is_public": is_public,
        },
        texts={"name": name, "description": description},
        sectors=sectors,
        incentives=incentives,
        language=language,
        today=today,
    )


OPPORTUNITY_FIELDS = (
    "kind",
    "estate",
    "area_m2",
    "building_m2",
    "zoning",
    "electricity_kva",
    "water_m3_per_day",
    "gas",
    "wastewater",
    "tenure",
    "price_per_m2",
    "currency",
    "availability",
    "available_from",
    "owner",
    "is_public",
)


def opportunity_update(
    *,
    actor: Any,
    opportunity: Opportunity,
    sectors: Sequence[TargetSector] | None = None,
    incentives: Sequence[Incentive] | None = None,
    language: str | None = None,
    today: dt.date | None = None,
    **changes: Any,
) -> Opportunity:
    """Change a plot or factory (``OPPORTUNITY_FIELDS``, texts in ``language``): a price, its
    availability (a taken plot leaves the prospectus), the incentives offered on it (each one
    newly offered valid today)."""
    require_pipeline(actor, opportunity)
    fields, texts = split_changes(opportunity, changes, OPPORTUNITY_FIELDS, ("name", "description"))
    if fields["availability"] not in c.Availability.values:
        raise SisterCityError(_("Unknown availability."), code="availability", field="availability")
    check_amount(fields["price_per_m2"], fields["currency"], _("The price per m²"))
    offered = list(opportunity.incentives.all())
    sectors = list(opportunity.sectors.all()) if sectors is None else sectors
    incentives = offered if incentives is None else incentives
    _check_offer(
        opportunity.partnership,
        fields["owner"],
        incentives,
        sectors,
        today or timezone.localdate(),
        offered,
    )
    with transaction.atomic(), set_actor(actor):
        set_fields(opportunity, fields)
        set_texts(opportunity, language, **texts)
        full_clean(opportunity)
        opportunity.save()
        opportunity.sectors.set(sectors)
        opportunity.incentives.set(incentives)
    return opportunity


PROJECT_FIELDS = ("owner", "currency", "estimated_cost", "status", "is_public")
PROJECT_TEXTS = ("name", "description")


def project_update(
    *,
    actor: Any,
    project: PartnerProject,
    sectors: Sequence[TargetSector] | None = None,
    incentives: Sequence[Incentive] | None = None,
    language: str | None = None,
    today: dt.date | None = None,
    **changes: Any,
) -> PartnerProject:
    """Change a project open to partners: its facts (``PROJECT_FIELDS``), texts (in
    ``language``), sectors and incentives; what is not given stays. A project no longer open
    (a partner found, closed) leaves the prospectus."""
    require_pipeline(actor, project)
    fields, texts = split_changes(project, changes, PROJECT_FIELDS, PROJECT_TEXTS)
    offered = list(project.incentives.all())
    return _project_save(
        actor,
        project,
        fields=fields,
        texts=texts,
        sectors=list(project.sectors.all()) if sectors is None else sectors,
        incentives=offered if incentives is None else incentives,
        language=language,
        today=today,
        offered=offered,
    )


def _project_save(
    actor: Any,
    project: PartnerProject,
    *,
    fields: dict[str, Any],
    texts: dict[str, Any],
    sectors: Sequence[TargetSector],
    incentives: Sequence[Incentive],
    language: str | None,
    today: dt.date | None,
    offered: Sequence[Incentive] = (),
) -> PartnerProject:
    partnership = project.partnership
    check_amount(fields["estimated_cost"], fields["currency"], _("The estimated cost"))
    if fields["status"] not in c.ProjectStatus.values:
        raise SisterCityError(_("Unknown project status."), code="status", field="status")
    _check_offer(
        partnership, fields["owner"], incentives, sectors, today or timezone.localdate(), offered
    )
    with transaction.atomic(), set_actor(actor):
        set_fields(project, fields)
        set_texts(project, language, **texts)
        full_clean(project)
        project.save()
        project.sectors.set(sectors)
        project.incentives.set(incentives)
    return project
