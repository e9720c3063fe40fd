"""The foreign-grant procedure for a donated vehicle, as data: its steps, in order, and what
each step asks for before it can be left.

The same shape as the agreement lifecycle (``partnerships.lifecycle_data``: a track of stages,
each with requirements of a kind), read by one small step machine (``services.grants``) that
refuses to advance naming what is missing. Adding, removing or re-ordering a step, or asking
for another document, is an edit of this table, not of the code.

Legal basis (Indonesia): PP 10/2011 and PMK 99/2017 (grants from abroad are registered with
the Ministry of Finance), Permendagri 19/2016 and 47/2021 (regional property: receiving a
grant, the BAST, entry in the register of regional property), PMK 171/2019 and 70/2012
(customs facilities for imported grant goods), Perpol 7/2021 (vehicle registration).
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class DocumentKind:
    code: str
    name: Promise


@dataclass(frozen=True)
class Requirement:
    """``kind`` is "document" (a document of ``document`` attached to the grant) or
    "vehicle_field" (the vehicle's ``field`` filled in, e.g. its registration number)."""

    code: str
    kind: str
    label: Promise
    document: str = ""
    field: str = ""


@dataclass(frozen=True)
class Step:
    code: str
    name: Promise
    requirements: tuple[Requirement, ...]


DOCUMENT_KINDS = (
    DocumentKind("offer_letter", _("offer letter from the donor")),
    DocumentKind("acceptance_decision", _("regent's acceptance decision")),
    DocumentKind("grant_registration", _("grant registration with the central government")),
    DocumentKind("customs_facility", _("customs and import facility decision")),
    DocumentKind("bill_of_lading", _("bill of lading and arrival report")),
    DocumentKind("inspection_report", _("technical inspection report")),
    DocumentKind("vehicle_registration", _("vehicle registration (STNK/BPKB)")),
    DocumentKind("handover_record", _("handover record (BAST)")),
    DocumentKind("asset_record", _("entry in the register of regional property")),
    DocumentKind("other", _("other document")),
)


def _document(code: str, label: Promise) -> Requirement:
    return Requirement(code=code, kind="document", label=label, document=code)


STEPS = (
    Step(
        "offer",
        _("Offer from the donor"),
        (_document("offer_letter", _("the donor's offer letter")),),
    ),
    Step(
        "acceptance",
        _("Acceptance decision by the regent"),
        (_document("acceptance_decision", _("the regent's acceptance decision")),),
    ),
    Step(
        "central_registration",
        _("Registration of the grant with the central government"),
        (_document("grant_registration", _("the grant's registration number")),),
    ),
    Step(
        "customs",
        _("Customs and import facilities"),
        (_document("customs_facility", _("the customs and import facility decision")),),
    ),
    Step(
        "shipment",
        _("Shipment and arrival"),
        (_document("bill_of_lading", _("the bill of lading and arrival report")),),
    ),
    Step(
        "inspection",
        _("Technical inspection"),
        (_document("inspection_report", _("the technical inspection report")),),
    ),
    Step(
        "registration",
        _("Vehicle registration"),
        (
            _document("vehicle_registration", _("the vehicle registration papers")),
            Requirement(
                "registration_number",
                "vehicle_field",
                _("the vehicle's registration number"),
                field="registration",
            ),
        ),
    ),
    Step(
        "handover",
        _("Handover record (BAST)"),
        (_document("handover_record", _("the signed handover record (BAST)")),),
    ),
    Step(
        "asset_register",
        _("Entry in the register of regional property"),
        (
            _document("asset_record", _("the register entry")),
            Requirement(
                "asset_number",
                "vehicle_field",
                _("the vehicle's regional property number"),
                field="asset_number",
            ),
        ),
    ),
)

STEP_CODES = tuple(step.code for step in STEPS)
STEP_CHOICES = [(step.code, step.name) for step in STEPS]
DOCUMENT_CHOICES = [(kind.code, kind.name) for kind in DOCUMENT_KINDS]


def step(code: str) -> Step:
    return STEPS[STEP_CODES.index(code)]


def following(code: str) -> Step | None:
    """The step after ``code``; None after the last."""
    index = STEP_CODES.index(code) + 1
    return STEPS[index] if index < len(STEPS) else None
