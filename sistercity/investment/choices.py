"""The investment app's vocabulary and the small tables of rules that are data: the pipeline's
stages and the evidence each needs, the ceilings that make an amount absurd for its currency."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from sistercity.programs.choices import Currency

PILLAR = "investment"

__all__ = ["PILLAR", "Currency"]


class OpportunityKind(models.TextChoices):
    PLOT = "plot", _("industrial plot")
    FACTORY = "factory", _("ready-built factory")
    WAREHOUSE = "warehouse", _("ready-built warehouse")


class Zoning(models.TextChoices):
    INDUSTRIAL = "industrial", _("industrial")
    LOGISTICS = "logistics", _("logistics and warehousing")
    COMMERCIAL = "commercial", _("commercial and services")
    UTILITY = "utility", _("utilities and infrastructure")


class Availability(models.TextChoices):
    AVAILABLE = "available", _("available")
    RESERVED = "reserved", _("reserved")
    TAKEN = "taken", _("taken")


class Tenure(models.TextChoices):
    SALE = "sale", _("for sale (HGB title)")
    LEASE = "lease", _("for lease")


class IncentiveKind(models.TextChoices):
    TAX_HOLIDAY = "tax_holiday", _("tax holiday")
    TAX_ALLOWANCE = "tax_allowance", _("tax allowance")
    IMPORT_DUTY = "import_duty", _("import duty facility")
    SEZ = "sez", _("special economic zone (KEK) facility")
    LOCAL = "local", _("regional incentive")


class SourceStatus(models.TextChoices):
    """How far an incentive's legal source is known."""

    CHECKED = "checked", _("checked against the official text")
    UNCHECKED = "unchecked", _("official text not yet checked")
    PRESS = "press", _("known from press reports only")


class ProjectStatus(models.TextChoices):
    OPEN = "open", _("open to partners")
    PARTNERED = "partnered", _("partner found")
    CLOSED = "closed", _("closed")


class CompanySize(models.TextChoices):
    LARGE = "large", _("large enterprise")
    MEDIUM = "medium", _("medium-sized enterprise")
    SMALL = "small", _("small enterprise")


class Stage(models.TextChoices):
    """The stages of an investor lead, in order; ``dropped`` ends a lead from any stage."""

    IDENTIFIED = "identified", _("identified")
    CONTACTED = "contacted", _("contacted")
    INFORMATION_SENT = "information_sent", _("information sent")
    SITE_VISIT = "site_visit", _("site visit")
    LETTER_OF_INTENT = "letter_of_intent", _("letter of intent")
    LICENSING = "licensing", _("licensing (NIB / OSS-RBA, location permit)")
    CONSTRUCTION = "construction", _("construction")
    OPERATING = "operating", _("operating")
    DROPPED = "dropped", _("dropped")


# The stages a lead moves through, in order (``dropped`` is outside the order).
STAGE_ORDER: list[str] = [s for s in Stage.values if s != Stage.DROPPED]


class Requirement(models.TextChoices):
    """Evidence a stage needs before a lead may stand in it."""

    COMPANY = "company", _("the lead is linked to a company")
    CONTACT = "contact", _("the company has a contact person")
    VISIT = "visit", _("a site visit of a delegation is recorded for the lead")
    LOI_DOCUMENT = "loi_document", _("a letter of intent document is attached")
    NIB_DOCUMENT = "nib_document", _("the business identification number (NIB) is attached")
    LOCATION_PERMIT = "location_permit", _("the location permit (KKPR) is attached")
    BUILDING_PERMIT = "building_permit", _("the building approval (PBG) is attached")


# What each stage needs; a lead moving to a stage must meet the needs of every stage up to it,
# so that a jump from "contacted" to "letter of intent" is refused with everything missing.
STAGE_REQUIREMENTS: dict[str, tuple[str, ...]] = {
    Stage.IDENTIFIED: (),
    Stage.CONTACTED: (Requirement.COMPANY, Requirement.CONTACT),
    Stage.INFORMATION_SENT: (),
    Stage.SITE_VISIT: (Requirement.VISIT,),
    Stage.LETTER_OF_INTENT: (Requirement.LOI_DOCUMENT,),
    Stage.LICENSING: (Requirement.NIB_DOCUMENT, Requirement.LOCATION_PERMIT),
    Stage.CONSTRUCTION: (Requirement.BUILDING_PERMIT,),
    Stage.OPERATING: (),
}

# Realised investment is reported (LKPM) once a project has a letter of intent.
REALISATION_FROM_STAGE = Stage.LETTER_OF_INTENT


class DocumentKind(models.TextChoices):
    LOI = "loi", _("letter of intent")
    NIB = "nib", _("business identification number (NIB)")
    LOCATION_PERMIT = "location_permit", _("location permit (KKPR)")
    BUILDING_PERMIT = "building_permit", _("building approval (PBG)")
    OTHER = "other", _("other document")


# Which document satisfies which requirement.
DOCUMENT_FOR_REQUIREMENT: dict[str, str] = {
    Requirement.LOI_DOCUMENT: DocumentKind.LOI,
    Requirement.NIB_DOCUMENT: DocumentKind.NIB,
    Requirement.LOCATION_PERMIT: DocumentKind.LOCATION_PERMIT,
    Requirement.BUILDING_PERMIT: DocumentKind.BUILDING_PERMIT,
}


class LeadSource(models.TextChoices):
    INTRODUCTION = "introduction", _("introduced by a partner")
    PROSPECTUS = "prospectus", _("enquiry from the public prospectus")
    DELEGATION = "delegation", _("met during a delegation")
    OTHER = "other", _("other")


# An amount above these is absurd for one investment project in that currency (IDR 1,000
# trillion ≈ USD 60 billion; KITB's five-year target is IDR 75.8 trillion) and is refused as a
# typing error rather than stored.
MAX_AMOUNT: dict[str, Decimal] = {
    Currency.IDR: Decimal("1000000000000000"),
    Currency.JPY: Decimal("10000000000000"),
    Currency.USD: Decimal("100000000000"),
}


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    DONE = "done", _("done")
    DELAYED = "delayed", _("delayed")


class TechTransferStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    RUNNING = "running", _("running")
    COMPLETED = "completed", _("completed")


class Gender(models.TextChoices):
    FEMALE = "female", _("female")
    MALE = "male", _("male")
    UNSPECIFIED = "unspecified", _("not stated")
