"""Writes for the investor pipeline: companies and their contacts, leads, stage moves (refused
with what is missing), documents, delegation visits."""

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.choices import Country, OrganisationKind
from sistercity.accounts.models import Organisation
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.investment import choices as c
from sistercity.investment.models import (
    Company,
    CompanyContact,
    Delegation,
    Lead,
    LeadDocument,
    Opportunity,
    StageMove,
    TargetSector,
)
from sistercity.investment.services.common import (
    check_amount,
    check_owner,
    check_same_partnership,
    require_pipeline,
    set_texts,
    store_document,
)
from sistercity.investment.services.stages import missing_for


def _unique_slug(base: str) -> str:
    stem = slugify(base)[:40] or "company"
    slug, n = stem, 1
    while Organisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{stem}-{n}"
    return slug


def company_create(
    *,
    actor: Any,
    partnership: Any,
    name_ja: str,
    name_romaji: str,
    size: str,
    name_id: str = "",
    sector: TargetSector | None = None,
    parent: Organisation | None = None,
    introduced_by: Organisation | None = None,
    website: str = "",
    country: str = Country.JAPAN,
    contact_name: str = "",
    contact_email: str = "",
    contact_position: str = "",
    is_sample: bool = False,
) -> Company:
    """A company of the pipeline: an organisation (names in Japanese and romaji) with its
    company facts, and its first contact when one is given."""
    require_pipeline(actor, partnership)
    check_same_partnership(partnership, sector)
    if (
        introduced_by is not None
        and not partnership.municipalities.filter(pk=introduced_by.pk).exists()
    ):
        raise SisterCityError(
            _("{organisation} is not a member of this partnership.").format(
                organisation=introduced_by
            ),
            code="introduced_by",
        )
    with transaction.atomic(), set_actor(actor):
        organisation = Organisation(
            kind=OrganisationKind.OTHER,
            slug=_unique_slug(name_romaji),
            country=country,
            website=website,
            is_sample=is_sample,
        )
        for language, name in (
            ("ja", name_ja),
            ("en", name_romaji),
            ("id", name_id or name_romaji),
        ):
            organisation.set_current_language(language)
            organisation.name = name
        full_clean(organisation)
        organisation.save()
        company = Company(
            partnership=partnership,
            organisation=organisation,
            name_romaji=name_romaji,
            sector=sector,
            size=size,
            parent=parent,
            introduced_by=introduced_by,
            is_sample=is_sample,
        )
        full_clean(company)
        company.save()
        if contact_name:
            _contact(company, contact_name, contact_email, contact_position, None)
    return company


def _contact(company, full_name, email, position, user, phone="") -> CompanyContact:
    contact = CompanyContact(
        company=company, full_name=full_name, email=email, position=position, user=user, phone=phone
    )
    full_clean(contact)
    contact.save()
    return contact


def contact_add(
    *,
    actor: Any,
    company: Company,
    full_name: str,
    email: str = "",
    position: str = "",
    phone: str = "",
    user: Any = None,
) -> CompanyContact:
    require_pipeline(actor, company)
    with transaction.atomic(), set_actor(actor):
        return _contact(company, full_name, email, position, user, phone)


def lead_create(
    *,
    actor: Any,
    partnership: Any,
    title: str,
    owner: Any,
    company: Company | None = None,
    source: str = c.LeadSource.OTHER,
    introduced_by: Organisation | None = None,
    opportunity: Opportunity | None = None,
    project: Any = None,
    expected_investment: Decimal | None = None,
    currency: str = c.Currency.JPY,
    expected_jobs: int | None = None,
    probability: int = 10,
    next_step: str = "",
    next_step_due: dt.date | None = None,
    confidential: bool = False,
    is_sample: bool = False,
) -> Lead:
    require_pipeline(actor, partnership)
    check_same_partnership(partnership, company, opportunity, project)
    check_amount(expected_investment, currency, _("The expected investment"))
    check_owner(partnership, owner)
    if introduced_by is None and company is not None:
        introduced_by = company.introduced_by
    with transaction.atomic(), set_actor(actor):
        lead = Lead(
            partnership=partnership,
            company=company,
            title=title,
            owner=owner,
            source=source,
            introduced_by=introduced_by,
            opportunity=opportunity,
            project=project,
            expected_investment=expected_investment,
            currency=currency,
            expected_jobs=expected_jobs,
            probability=probability,
            next_step=next_step,
            next_step_due=next_step_due,
            confidential=confidential,
            created_by=actor,
            is_sample=is_sample,
        )
        full_clean(lead)
        lead.save()
    return lead


def lead_plan(
    *,
    actor: Any,
    lead: Lead,
    expected_investment: Decimal | None,
    currency: str,
    expected_jobs: int | None,
    probability: int,
    next_step: str,
    next_step_due: dt.date | None,
    owner: Any,
    company: Company | None = None,
    confidential: bool | None = None,
) -> Lead:
    """Change what the pipeline expects of a lead and its next step (with owner and date)."""
    require_pipeline(actor, lead)
    check_amount(expected_investment, currency, _("The expected investment"))
    check_same_partnership(lead.partnership, company)
    check_owner(lead.partnership, owner)
    with transaction.atomic(), set_actor(actor):
        lead.expected_investment = expected_investment
        lead.currency = currency
        lead.expected_jobs = expected_jobs
        lead.probability = probability
        lead.next_step = next_step
        lead.next_step_due = next_step_due
        lead.owner = owner
        if company is not None:
            lead.company = company
        if confidential is not None:
            lead.confidential = confidential
        full_clean(lead)
        lead.save()
    return lead


def _requirement_labels(codes: Sequence[str]) -> str:
    labels = dict(c.Requirement.choices)
    return "; ".join(str(labels[code]) for code in codes)


def lead_advance(*, actor: Any, lead: Lead, stage: str, note: str = "", reason: str = "") -> Lead:
    """Move a lead to ``stage``: refused, naming everything missing, when the evidence of the
    stages up to it is not there; dropping needs a reason. The move is recorded."""
    require_pipeline(actor, lead)
    if stage not in c.Stage.values:
        raise SisterCityError(_("Unknown stage."), code="stage")
    if stage == lead.stage:
        raise SisterCityError(
            _("The lead is already at “{stage}”.").format(stage=c.Stage(stage).label),
            code="same_stage",
        )
    if stage == c.Stage.DROPPED and not reason.strip():
        raise SisterCityError(_("Say why the lead is dropped."), code="reason_required")
    missing = missing_for(lead, stage)
    if missing:
        raise SisterCityError(
            _("The lead cannot move to “{stage}” yet. Missing: {missing}.").format(
                stage=c.Stage(stage).label, missing=_requirement_labels(missing)
            ),
            code="missing_evidence",
        )
    with transaction.atomic(), set_actor(actor):
        now = timezone.now()
        move = StageMove(
            lead=lead,
            from_stage=lead.stage,
            to_stage=stage,
            moved_by=actor,
            moved_at=now,
            note=reason if stage == c.Stage.DROPPED else note,
        )
        full_clean(move)
        move.save()
        lead.stage = stage
        lead.stage_changed_at = now
        if stage == c.Stage.DROPPED:
            lead.dropped_reason = reason
        lead.save(update_fields=["stage", "stage_changed_at", "dropped_reason", "updated_at"])
    return lead


def document_attach(
    *,
    actor: Any,
    lead: Lead,
    kind: str,
    file: Any,
    signed_on: dt.date | None = None,
    delegation: Delegation | None = None,
) -> LeadDocument:
    """Attach a letter of intent, NIB or permit to a lead (judged by its content, not its
    name), with the delegation visit that produced it when there was one."""
    require_pipeline(actor, lead)
    check_same_partnership(lead.partnership, delegation)
    if kind not in c.DocumentKind.values:
        raise SisterCityError(_("Unknown document kind."), code="kind")
    if signed_on is not None and signed_on > timezone.localdate():
        raise SisterCityError(_("A document cannot be signed in the future."), code="signed_future")
    document = LeadDocument(lead=lead, kind=kind, signed_on=signed_on, delegation=delegation)
    return store_document(actor=actor, document=document, file=file)


def delegation_record(
    *,
    actor: Any,
    partnership: Any,
    title: str,
    arrived_on: dt.date,
    departed_on: dt.date,
    visitors: str,
    sites: Sequence[Opportunity] = (),
    leads: Sequence[Lead] = (),
    meeting: Any = None,
    notes: str = "",
    language: str | None = None,
) -> Delegation:
    """A business delegation: who came, the sites they saw and the leads it advanced."""
    require_pipeline(actor, partnership)
    check_same_partnership(partnership, meeting, *sites, *leads)
    if departed_on < arrived_on:
        raise SisterCityError(_("A delegation cannot leave before it arrives."), code="dates")
    if not visitors.strip():
        raise SisterCityError(_("Say who came."), code="visitors")
    with transaction.atomic(), set_actor(actor):
        delegation = Delegation(
            partnership=partnership,
            meeting=meeting,
            arrived_on=arrived_on,
            departed_on=departed_on,
            visitors=visitors,
        )
        set_texts(delegation, language, title=title, notes=notes)
        full_clean(delegation)
        delegation.save()
        delegation.sites.set(sites)
        delegation.leads.set(leads)
    return delegation
