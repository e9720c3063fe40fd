"""A product's Japan export readiness and IJEPA origin, from the database through the engine.

The rules come from the ``ExportRule`` table (the admin edits them); the facts from the
product's permits, lab reports, recipe, label data and open leads. Nothing is stored here
except by ``services.product_assess`` (the score history).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.trade import export_rules as engine
from sistercity.trade.choices import LabParameter, PermitKind
from sistercity.trade.labels import label_missing
from sistercity.trade.models import ExportRule, Lead, Product
from sistercity.trade.rules_data import origin_rule_for

GAP_TEXT = {
    engine.Gap.NO_IMPORTER: _("No importer of record is named."),
    engine.Gap.NO_RECIPE: _("The ingredient list is missing or does not add up to 100 %."),
    engine.Gap.NO_LAB_REPORT: _("No lab report on {parameter}."),
    engine.Gap.LAB_REPORT_OLD: _("The lab report on {parameter} is older than {days} days."),
    engine.Gap.NO_PERMIT: _("No {permit} covers this product."),
    engine.Gap.PERMIT_EXPIRED: _("The {permit} covering this product has expired."),
    engine.Gap.LABEL_INCOMPLETE: _("Label data missing: {fields}."),
    engine.Gap.ORIGIN_NOT_MET: _("The IJEPA origin criterion is not met."),
}
CRITERION_TEXT = {
    "WO": _("wholly obtained in Indonesia"),
    "CTH": _("change of tariff heading"),
    "QVC40": _("qualifying value content of at least 40 %"),
    "CTH/QVC40": _("change of tariff heading or qualifying value content of at least 40 %"),
}


def engine_rules(rows: list[ExportRule] | None = None) -> list[engine.Rule]:
    rows = rows if rows is not None else list(active_rules())
    return [
        engine.Rule(
            code=r.code,
            hs_prefixes=tuple(r.hs_prefixes),
            condition=engine.Condition(r.condition),
            evidence=engine.Evidence(r.evidence),
            parameter=r.parameter,
            permit_kind=r.permit_kind,
            max_age_days=r.max_age_days,
        )
        for r in rows
    ]


def active_rules() -> Any:
    return ExportRule.objects.filter(is_active=True).prefetch_related("translations")


@dataclass
class Origin:
    criterion: str
    criterion_text: Any
    source: str
    result: engine.OriginResult | None
    problem: Any = None  # why it cannot be computed (no FOB price, FOB below the inputs)


def origin_for(product: Product, ingredients: list[Any] | None = None) -> Origin:
    ingredients = list(product.ingredients.all()) if ingredients is None else ingredients
    criterion, source = origin_rule_for(product.hs_code)
    origin = Origin(criterion, CRITERION_TEXT[criterion], source, None)
    materials = [
        engine.Material(i.name, i.hs_code or "", Decimal(i.value_jpy), i.originating)
        for i in ingredients
    ]
    if not materials:
        origin.problem = _("Enter the product's inputs (ingredients or materials) first.")
        return origin
    try:
        origin.result = engine.origin_check(
            product.hs_code, materials, product.fob_jpy, engine.OriginCriterion(criterion)
        )
    except ValueError:
        origin.problem = _("The FOB price is below the value of the non-originating inputs.")
    return origin


def facts_for(product: Product, today: dt.date) -> engine.ProductFacts:
    ingredients = list(product.ingredients.all())
    shares = [i.share_pct for i in ingredients]
    origin = origin_for(product, ingredients)
    halal = any(
        lead.inquiry.wants_halal
        for lead in Lead.objects.filter(product=product).select_related("inquiry")
    )
    return engine.ProductFacts(
        hs_code=product.hs_code,
        organic=product.organic_claim,
        halal_requested=halal,
        permits=tuple(engine.PermitFact(p.kind, p.expires_on) for p in product.permits.all()),
        lab_reports=tuple(
            engine.LabFact(lab.parameter, lab.tested_on) for lab in product.lab_reports.all()
        ),
        importer_named=bool(product.importer_of_record.strip()),
        recipe_complete=bool(shares) and engine.shares_problem(shares) is None,
        label_missing=tuple(label_missing(product, ingredients)),
        origin_met=bool(origin.result and origin.result.met),
    )


@dataclass
class Item:
    rule: ExportRule
    check: engine.Check
    gap_text: str
    next_step: str


@dataclass
class Assessment:
    readiness: engine.Readiness
    items: list[Item]
    facts: engine.ProductFacts

    @property
    def score(self) -> int:
        return self.readiness.score

    @property
    def missing(self) -> list[Item]:
        return [item for item in self.items if not item.check.met]


def _gap_text(rule: ExportRule, gap: engine.Gap | None, facts: engine.ProductFacts) -> str:
    if gap is None:
        return ""
    return str(GAP_TEXT[gap]).format(
        parameter=LabParameter(rule.parameter).label if rule.parameter else "",
        days=rule.max_age_days,
        permit=PermitKind(rule.permit_kind).label if rule.permit_kind else "",
        fields=", ".join(facts.label_missing),
    )


def assess(product: Product, today: dt.date | None = None) -> Assessment:
    """The checklist of one product: each applicable rule, met or with its gap and next step."""
    today = today or timezone.localdate()
    rows = list(active_rules())
    facts = facts_for(product, today)
    readiness = engine.evaluate(engine_rules(rows), facts, today)
    by_code = {r.code: r for r in rows}
    items = [
        Item(
            rule=by_code[check.rule],
            check=check,
            gap_text=_gap_text(by_code[check.rule], check.gap, facts),
            next_step=""
            if check.met
            else by_code[check.rule].safe_translation_getter("next_step", any_language=True),
        )
        for check in readiness.checks
    ]
    return Assessment(readiness=readiness, items=items, facts=facts)
