"""The pure rules of getting a Batang MSME's product into Japan: plain data in, plain data out.

No Django here (``core/tests/test_architecture.py``): the app's services turn the database into
these dataclasses and translate the codes this module answers with.

- ``size_class``: micro / small / medium / large by PP 7/2021 Article 35 (business capital
  without land and buildings, or annual sales).
- ``identifier_problem``: the form of an NIB (13 digits), a P-IRT number (15 digits), a KBLI
  2020 code (5 digits) and an HS code (6 digits).
- ``evaluate``: the Japan export-readiness checklist of a product against rules kept as data
  (``Rule``), each met or missing with the evidence it wants.
- ``qualifying_value_content`` and ``origin_check``: the IJEPA origin criterion of a product
  from its bill of materials (Article 27 of the Agreement's Chapter 3: QVC = (FOB − VNM) / FOB ×
  100; the issue calls it RVC).
- ``shares_problem``: a recipe's shares must add up to 100 %.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

# ---------------------------------------------------------------------------------------
# Size class, PP 7/2021 Article 35
# ---------------------------------------------------------------------------------------

MILLION = Decimal(1_000_000)
BILLION = Decimal(1_000_000_000)

# (class, the most capital it may have, the most annual sales it may have), smallest first.
# Capital excludes the land and buildings of the business place (Art. 35(3)); sales are
# Art. 35(5).
SIZE_THRESHOLDS: tuple[tuple[str, Decimal, Decimal], ...] = (
    ("micro", 1 * BILLION, 2 * BILLION),
    ("small", 5 * BILLION, 15 * BILLION),
    ("medium", 10 * BILLION, 50 * BILLION),
)


class SizeClass(StrEnum):
    MICRO = "micro"
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"  # above the medium thresholds: not an MSME


def size_class(*, capital_idr: Decimal | None, annual_sales_idr: Decimal | None) -> SizeClass:
    """The class of a business by PP 7/2021.

    Art. 35(2) reserves the capital criterion for setting up or registering a business; a
    business that already sells is classed by its annual sales (Art. 35(4)-(5)), so sales win
    when both are known. Raises ValueError when neither is given or a value is negative.
    """
    by_sales = annual_sales_idr is not None
    value = annual_sales_idr if annual_sales_idr is not None else capital_idr
    if value is None:
        raise ValueError("capital or annual sales is needed")
    if value < 0:
        raise ValueError("negative amount")
    for name, capital_limit, sales_limit in SIZE_THRESHOLDS:
        if value <= (sales_limit if by_sales else capital_limit):
            return SizeClass(name)
    return SizeClass.LARGE


# ---------------------------------------------------------------------------------------
# Identifiers
# ---------------------------------------------------------------------------------------

IDENTIFIER_DIGITS = {"nib": 13, "pirt": 15, "kbli": 5, "hs": 6}


def identifier_problem(kind: str, value: str) -> str | None:
    """None when ``value`` has the form of a ``kind`` identifier, else ``"digits"`` (not only
    digits) or ``"length"`` (the wrong number of them). Neither the NIB nor the P-IRT number
    has a published check digit; whether a KBLI or HS code exists is a table look-up."""
    text = value.strip()
    if not text.isdigit() or not text.isascii():
        return "digits"
    if len(text) != IDENTIFIER_DIGITS[kind]:
        return "length"
    return None


def normalise_hs(value: str) -> str:
    """``"0908.11"`` or ``"0908 11"`` → ``"090811"`` (the form people write the code in)."""
    return "".join(ch for ch in value if not ch.isspace() and ch != ".")


# ---------------------------------------------------------------------------------------
# Shares of a recipe
# ---------------------------------------------------------------------------------------

HUNDRED = Decimal(100)
SHARE_TOLERANCE = Decimal("0.1")  # rounding of a recipe written to one decimal


def shares_problem(shares: Iterable[Decimal]) -> Decimal | None:
    """None when the shares (in %) add up to 100 (± 0.1), else their total."""
    total = sum(shares, Decimal(0))
    return None if abs(total - HUNDRED) <= SHARE_TOLERANCE else total


# ---------------------------------------------------------------------------------------
# Export readiness
# ---------------------------------------------------------------------------------------


class Condition(StrEnum):
    ALWAYS = "always"
    ORGANIC_CLAIM = "organic"  # only when the product is sold as organic
    HALAL_REQUESTED = "halal"  # only when a buyer asks for halal


class Evidence(StrEnum):
    IMPORTER = "importer"  # an importer of record is named
    NOTIFICATION = "notification"  # importer named and the full recipe known (the notice needs it)
    LAB_REPORT = "lab_report"  # a lab report on ``parameter`` younger than ``max_age_days``
    PERMIT = "permit"  # a valid permit of ``permit_kind`` covering the product
    LABEL = "label"  # every mandatory line of the Japanese label can be filled
    ORIGIN = "origin"  # the IJEPA origin criterion is met


@dataclass(frozen=True)
class Rule:
    """One requirement of the Japanese market, with the law it comes from."""

    code: str
    hs_prefixes: tuple[str, ...]  # the HS codes it applies to, by prefix; empty: every product
    condition: Condition
    evidence: Evidence
    parameter: str = ""  # the lab parameter (``aflatoxin``), for a lab report
    permit_kind: str = ""  # the permit kind (``jas_organic``), for a permit
    max_age_days: int = 365

    def applies_to(self, hs_code: str, *, organic: bool, halal_requested: bool) -> bool:
        if self.hs_prefixes and not any(hs_code.startswith(p) for p in self.hs_prefixes):
            return False
        if self.condition == Condition.ORGANIC_CLAIM:
            return organic
        if self.condition == Condition.HALAL_REQUESTED:
            return halal_requested
        return True


@dataclass(frozen=True)
class PermitFact:
    kind: str
    valid_until: dt.date | None  # None: no expiry


@dataclass(frozen=True)
class LabFact:
    parameter: str
    tested_on: dt.date


@dataclass(frozen=True)
class ProductFacts:
    """What the database knows of one product, for the checklist."""

    hs_code: str
    organic: bool = False
    halal_requested: bool = False
    permits: tuple[PermitFact, ...] = ()  # the permits whose scope covers this product
    lab_reports: tuple[LabFact, ...] = ()
    importer_named: bool = False
    recipe_complete: bool = False
    label_missing: tuple[str, ...] = ("name",)  # the label lines that cannot be filled yet
    origin_met: bool = False


class Gap(StrEnum):
    """Why a rule is not met (the app words the next step for each)."""

    NO_IMPORTER = "no_importer"
    NO_RECIPE = "no_recipe"
    NO_LAB_REPORT = "no_lab_report"
    LAB_REPORT_OLD = "lab_report_old"
    NO_PERMIT = "no_permit"
    PERMIT_EXPIRED = "permit_expired"
    LABEL_INCOMPLETE = "label_incomplete"
    ORIGIN_NOT_MET = "origin_not_met"


@dataclass(frozen=True)
class Check:
    rule: str
    met: bool
    gap: Gap | None = None


@dataclass(frozen=True)
class Readiness:
    checks: tuple[Check, ...]

    @property
    def score(self) -> int:
        """The share of applicable rules met, in whole per cent (100 when none applies)."""
        if not self.checks:
            return 100
        met = sum(1 for c in self.checks if c.met)
        return round(100 * met / len(self.checks))

    @property
    def missing(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if not c.met)


def applicable_rules(
    rules: Iterable[Rule], hs_code: str, *, organic: bool = False, halal_requested: bool = False
) -> list[Rule]:
    """The rules that apply to a product of ``hs_code`` (what ``japan_requirements`` prints)."""
    return [
        r for r in rules if r.applies_to(hs_code, organic=organic, halal_requested=halal_requested)
    ]


def _lab_gap(rule: Rule, facts: ProductFacts, today: dt.date) -> Gap | None:
    dates = [lab.tested_on for lab in facts.lab_reports if lab.parameter == rule.parameter]
    if not dates:
        return Gap.NO_LAB_REPORT
    if (today - max(dates)).days > rule.max_age_days:
        return Gap.LAB_REPORT_OLD
    return None


def _permit_gap(rule: Rule, facts: ProductFacts, today: dt.date) -> Gap | None:
    permits = [p for p in facts.permits if p.kind == rule.permit_kind]
    if not permits:
        return Gap.NO_PERMIT
    if all(p.valid_until is not None and p.valid_until < today for p in permits):
        return Gap.PERMIT_EXPIRED
    return None


def _gap(rule: Rule, facts: ProductFacts, today: dt.date) -> Gap | None:
    if rule.evidence == Evidence.IMPORTER:
        return None if facts.importer_named else Gap.NO_IMPORTER
    if rule.evidence == Evidence.NOTIFICATION:
        if not facts.importer_named:
            return Gap.NO_IMPORTER
        return None if facts.recipe_complete else Gap.NO_RECIPE
    if rule.evidence == Evidence.LAB_REPORT:
        return _lab_gap(rule, facts, today)
    if rule.evidence == Evidence.PERMIT:
        return _permit_gap(rule, facts, today)
    if rule.evidence == Evidence.LABEL:
        return Gap.LABEL_INCOMPLETE if facts.label_missing else None
    return None if facts.origin_met else Gap.ORIGIN_NOT_MET


def evaluate(rules: Iterable[Rule], facts: ProductFacts, today: dt.date) -> Readiness:
    """Each applicable rule met or not, with the gap; rules in the order given."""
    checks = []
    for rule in applicable_rules(
        rules, facts.hs_code, organic=facts.organic, halal_requested=facts.halal_requested
    ):
        gap = _gap(rule, facts, today)
        checks.append(Check(rule=rule.code, met=gap is None, gap=gap))
    return Readiness(checks=tuple(checks))


# ---------------------------------------------------------------------------------------
# IJEPA origin
# ---------------------------------------------------------------------------------------


class OriginCriterion(StrEnum):
    WHOLLY_OBTAINED = "WO"  # Art. 29(1)(a): every input grown, caught or made in Indonesia
    CHANGE_OF_HEADING = "CTH"  # every non-originating input of another 4-digit heading
    QVC_40 = "QVC40"  # qualifying value content of at least 40 %
    CTH_OR_QVC_40 = "CTH/QVC40"  # either of the two


QVC_THRESHOLD = Decimal(40)


@dataclass(frozen=True)
class Material:
    name: str
    hs_code: str
    value: Decimal  # CIF value of the input, in the same currency as the FOB price
    originating: bool


@dataclass(frozen=True)
class OriginResult:
    met: bool
    criterion: OriginCriterion
    qvc: Decimal | None  # in %, two decimals; None when there is no FOB price
    breaking: tuple[str, ...]  # the inputs that break the rule


def qualifying_value_content(fob: Decimal, non_originating: Decimal) -> Decimal:
    """QVC = (FOB − VNM) / FOB × 100, to two decimals. Raises ValueError on a FOB that is not
    positive or below the value of the non-originating inputs (the price does not cover them)."""
    if fob <= 0:
        raise ValueError("fob")
    if non_originating < 0 or non_originating > fob:
        raise ValueError("fob_below_non_originating")
    return ((fob - non_originating) / fob * HUNDRED).quantize(Decimal("0.01"))


def origin_check(
    hs_code: str,
    materials: Sequence[Material],
    fob: Decimal | None,
    criterion: OriginCriterion,
) -> OriginResult:
    """Whether a product meets its IJEPA product-specific rule, and which inputs break it."""
    foreign = [m for m in materials if not m.originating]
    vnm = sum((m.value for m in foreign), Decimal(0))
    qvc = qualifying_value_content(fob, vnm) if fob is not None else None
    same_heading = tuple(m.name for m in foreign if m.hs_code[:4] == hs_code[:4])
    if criterion == OriginCriterion.WHOLLY_OBTAINED:
        breaking = tuple(m.name for m in foreign)
        return OriginResult(not breaking, criterion, qvc, breaking)
    cth_met = not same_heading
    qvc_met = qvc is not None and qvc >= QVC_THRESHOLD
    if criterion == OriginCriterion.CHANGE_OF_HEADING:
        return OriginResult(cth_met, criterion, qvc, same_heading)
    if criterion == OriginCriterion.QVC_40:
        return OriginResult(qvc_met, criterion, qvc, () if qvc_met else _by_value(foreign))
    met = cth_met or qvc_met
    return OriginResult(met, criterion, qvc, () if met else same_heading or _by_value(foreign))


def _by_value(foreign: Sequence[Material]) -> tuple[str, ...]:
    """Non-originating inputs, the dearest first: the ones to replace with Indonesian ones."""
    return tuple(m.name for m in sorted(foreign, key=lambda m: m.value, reverse=True))


# ---------------------------------------------------------------------------------------
# Matching an inquiry with products
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Want:
    hs_code: str
    volume: Decimal  # per month
    certifications: frozenset[str] = frozenset()
    target_price: Decimal | None = None


@dataclass(frozen=True)
class Offer:
    key: int
    hs_code: str
    monthly_capacity: Decimal | None
    certifications: frozenset[str]
    readiness: int  # 0–100
    price: Decimal | None  # same unit and currency as the target price


@dataclass(frozen=True)
class Reason:
    code: str  # hs6 hs4 hs2 capacity capacity_short certifications readiness price price_above
    points: int
    detail: str = ""


@dataclass(frozen=True)
class Match:
    key: int
    reasons: tuple[Reason, ...]

    @property
    def points(self) -> int:
        return sum(r.points for r in self.reasons)


def _hs_reason(want: str, offer: str) -> Reason | None:
    for digits, points in ((6, 40), (4, 25), (2, 10)):
        if want[:digits] == offer[:digits]:
            return Reason(f"hs{digits}", points)
    return None


def _match(want: Want, offer: Offer) -> Match | None:
    hs = _hs_reason(want.hs_code, offer.hs_code)
    if hs is None:
        return None
    reasons = [hs]
    if offer.monthly_capacity is not None and want.volume > 0:
        if offer.monthly_capacity >= want.volume:
            reasons.append(Reason("capacity", 20))
        else:
            share = offer.monthly_capacity / want.volume
            reasons.append(Reason("capacity_short", int(20 * share), f"{share * 100:.0f}"))
    if want.certifications:
        held = want.certifications & offer.certifications
        points = round(15 * len(held) / len(want.certifications))
        reasons.append(Reason("certifications", points, f"{len(held)}/{len(want.certifications)}"))
    reasons.append(Reason("readiness", round(15 * offer.readiness / 100), str(offer.readiness)))
    if want.target_price is not None and offer.price is not None:
        if offer.price <= want.target_price:
            reasons.append(Reason("price", 10))
        else:
            reasons.append(Reason("price_above", 0, f"{offer.price - want.target_price:f}"))
    return Match(offer.key, tuple(reasons))


def rank(want: Want, offers: Iterable[Offer]) -> list[Match]:
    """The offers of the same HS chapter at least, best first, each with its reasons: HS match
    at 6/4/2 digits (40/25/10 points), capacity against the volume (20), certifications held
    of those wanted (15), readiness (15), price within the target (10)."""
    found = [m for m in (_match(want, offer) for offer in offers) if m is not None]
    return sorted(found, key=lambda m: (-m.points, m.key))
