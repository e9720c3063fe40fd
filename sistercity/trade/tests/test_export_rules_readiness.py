"""The readiness checklist and the IJEPA origin criterion (engine, no database).

The rules are those the installation seeds (``rules_data.JAPAN_RULES``); the cases are the
issue's: nutmeg asks for an aflatoxin report (MHLW inspection order), cassava for cyanide,
organic JAS only for an organic claim, halal only when a buyer asks. The QVC cases follow the
formula of IJEPA Art. 27, QVC = (FOB − VNM) / FOB × 100, with the 40 % threshold.
"""

import datetime as dt
from decimal import Decimal as D

import pytest

from sistercity.trade.export_rules import (
    Condition,
    Evidence,
    Gap,
    LabFact,
    Material,
    OriginCriterion,
    PermitFact,
    ProductFacts,
    Rule,
    applicable_rules,
    evaluate,
    origin_check,
    qualifying_value_content,
)
from sistercity.trade.rules_data import JAPAN_RULES, origin_rule_for

TODAY = dt.date(2026, 12, 2)
RULES = [
    Rule(
        code=r["code"],
        hs_prefixes=tuple(r["hs_prefixes"]),
        condition=Condition(r["condition"]),
        evidence=Evidence(r["evidence"]),
        parameter=r.get("parameter", ""),
        permit_kind=r.get("permit_kind", ""),
    )
    for r in JAPAN_RULES
]


def codes(rules):
    return [r.code for r in rules]


def test_nutmeg_needs_aflatoxin_residues_notification_label_importer_and_origin():
    assert codes(applicable_rules(RULES, "090811")) == [
        "fsa-import-notification",
        "mhlw-aflatoxin-nutmeg",
        "positive-list-residues",
        "food-labeling-act",
        "importer-of-record",
        "ijepa-origin",
    ]


def test_cassava_needs_cyanide_not_aflatoxin():
    found = codes(applicable_rules(RULES, "071410"))
    assert "mhlw-cyanide-cassava" in found and "mhlw-aflatoxin-nutmeg" not in found


def test_chilli_needs_aflatoxin():
    assert "mhlw-aflatoxin-chilli" in codes(applicable_rules(RULES, "090421"))


def test_batik_cloth_needs_no_food_rule():
    assert codes(applicable_rules(RULES, "520852")) == ["importer-of-record", "ijepa-origin"]


def test_organic_jas_only_for_an_organic_claim_and_halal_only_on_request():
    plain = codes(applicable_rules(RULES, "090121"))
    assert "jas-organic" not in plain and "halal-on-request" not in plain
    claimed = codes(applicable_rules(RULES, "090121", organic=True, halal_requested=True))
    assert "jas-organic" in claimed and "halal-on-request" in claimed


def nutmeg(**changes):
    facts = dict(
        hs_code="090811",
        importer_named=True,
        recipe_complete=True,
        label_missing=(),
        origin_met=True,
        lab_reports=(LabFact("pesticide_residues", dt.date(2026, 6, 1)),),
    )
    facts.update(changes)
    return ProductFacts(**facts)


def test_nutmeg_without_aflatoxin_report_misses_one_rule_of_six():
    readiness = evaluate(RULES, nutmeg(), TODAY)
    assert [(c.rule, c.gap) for c in readiness.missing] == [
        ("mhlw-aflatoxin-nutmeg", Gap.NO_LAB_REPORT)
    ]
    assert readiness.score == 83  # 5 of 6


def test_the_aflatoxin_report_raises_the_score_to_100():
    labs = nutmeg().lab_reports + (LabFact("aflatoxin", dt.date(2026, 11, 20)),)
    assert evaluate(RULES, nutmeg(lab_reports=labs), TODAY).score == 100


def test_a_lab_report_older_than_twelve_months_does_not_count():
    labs = nutmeg().lab_reports + (LabFact("aflatoxin", dt.date(2025, 11, 1)),)
    readiness = evaluate(RULES, nutmeg(lab_reports=labs), TODAY)
    assert [c.gap for c in readiness.missing] == [Gap.LAB_REPORT_OLD]


def test_notification_needs_the_importer_then_the_recipe():
    gaps = {c.rule: c.gap for c in evaluate(RULES, nutmeg(importer_named=False), TODAY).missing}
    assert gaps["fsa-import-notification"] == Gap.NO_IMPORTER
    assert gaps["importer-of-record"] == Gap.NO_IMPORTER
    gaps = {c.rule: c.gap for c in evaluate(RULES, nutmeg(recipe_complete=False), TODAY).missing}
    assert gaps == {
        "fsa-import-notification": Gap.NO_RECIPE,
        "mhlw-aflatoxin-nutmeg": Gap.NO_LAB_REPORT,
    }


def test_an_expired_certificate_is_a_gap_a_valid_one_is_not():
    rule = next(r for r in RULES if r.code == "jas-organic")
    expired = ProductFacts(
        hs_code="090121", organic=True, permits=(PermitFact("jas_organic", dt.date(2026, 1, 1)),)
    )
    assert evaluate([rule], expired, TODAY).missing[0].gap == Gap.PERMIT_EXPIRED
    valid = ProductFacts(
        hs_code="090121", organic=True, permits=(PermitFact("jas_organic", dt.date(2027, 1, 1)),)
    )
    assert evaluate([rule], valid, TODAY).score == 100


def test_label_and_origin_gaps():
    gaps = {
        c.rule: c.gap
        for c in evaluate(
            RULES, nutmeg(label_missing=("net_contents",), origin_met=False), TODAY
        ).missing
    }
    assert gaps["food-labeling-act"] == Gap.LABEL_INCOMPLETE
    assert gaps["ijepa-origin"] == Gap.ORIGIN_NOT_MET


def test_no_applicable_rule_scores_100():
    assert evaluate([], ProductFacts(hs_code="090811"), TODAY).score == 100


# --- IJEPA origin -------------------------------------------------------------------


@pytest.mark.parametrize(
    "fob, vnm, qvc",
    [(D(100), D(60), D("40.00")), (D(1000), D(250), D("75.00")), (D(300), D(200), D("33.33"))],
)
def test_qualifying_value_content_formula(fob, vnm, qvc):
    assert qualifying_value_content(fob, vnm) == qvc


def test_fob_below_the_non_originating_value_is_refused():
    with pytest.raises(ValueError, match="fob_below_non_originating"):
        qualifying_value_content(D(100), D(120))
    with pytest.raises(ValueError, match="fob"):
        qualifying_value_content(D(0), D(0))


CANDIED = "200600"
SUGAR_TH = Material("cane sugar (Thailand)", "170114", D(30), originating=False)
MANGO = Material("mango", "080450", D(40), originating=True)


def test_candied_fruit_with_imported_sugar_meets_cth_or_qvc():
    result = origin_check(CANDIED, [MANGO, SUGAR_TH], D(100), OriginCriterion.CTH_OR_QVC_40)
    assert result.met and result.qvc == D("70.00") and result.breaking == ()


def test_qvc_40_names_the_dearest_foreign_inputs_when_it_fails():
    dear = Material("glucose syrup (China)", "170230", D(40), originating=False)
    result = origin_check(CANDIED, [MANGO, SUGAR_TH, dear], D(100), OriginCriterion.QVC_40)
    assert not result.met and result.qvc == D("30.00")
    assert result.breaking == ("glucose syrup (China)", "cane sugar (Thailand)")


def test_change_of_heading_fails_on_a_foreign_input_of_the_same_heading():
    foreign_nutmeg = Material("nutmeg (Grenada)", "090811", D(10), originating=False)
    result = origin_check("090812", [foreign_nutmeg], D(100), OriginCriterion.CHANGE_OF_HEADING)
    assert not result.met and result.breaking == ("nutmeg (Grenada)",)


def test_wholly_obtained_fails_on_any_foreign_input():
    fish = Material("mackerel (Batang)", "030354", D(50), originating=True)
    salt = Material("salt (Australia)", "250100", D(1), originating=False)
    assert origin_check("030559", [fish], D(100), OriginCriterion.WHOLLY_OBTAINED).met
    result = origin_check("030559", [fish, salt], D(100), OriginCriterion.WHOLLY_OBTAINED)
    assert not result.met and result.breaking == ("salt (Australia)",)


def test_product_specific_rules_are_found_by_the_longest_prefix():
    assert origin_rule_for("090811")[0] == "WO"
    assert origin_rule_for("200600")[0] == "CTH/QVC40"
    assert origin_rule_for("520852")[0] == "CTH/QVC40"
