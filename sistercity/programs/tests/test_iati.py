"""The IATI 2.03 export: valid against the official schema, one narrative per language, only
approved values as actuals, and the same file from the command, the page and the API."""

import io

import pytest
from django.core.management import CommandError, call_command
from lxml import etree

from sistercity.core.errors import SisterCityError
from sistercity.programs.iati import export_iati, schema, validate
from sistercity.reports.tests.plan import build_plan

pytestmark = pytest.mark.django_db

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def plan(demo):
    return build_plan(demo)


@pytest.fixture
def tree(partnership, plan):
    return etree.fromstring(export_iati(partnership))


def _activity(tree, identifier):
    return tree.xpath(f"iati-activity[iati-identifier='{identifier}']")[0]


def test_export_is_valid_against_the_iati_203_schema(partnership, plan):
    xml = export_iati(partnership)
    assert validate(xml) == []
    schema().assertValid(etree.fromstring(xml))


def test_a_programme_is_hierarchy_1_and_its_activities_hierarchy_2(tree, plan):
    waste = _activity(tree, plan.waste.iati_identifier)
    assert waste.get("hierarchy") == "1"
    children = waste.xpath("related-activity[@type='2']/@ref")
    assert children == [
        f"{plan.waste.iati_identifier}-pilot-kelurahan",
        f"{plan.waste.iati_identifier}-training-2026",
    ]
    training = _activity(tree, children[1])
    assert training.get("hierarchy") == "2"
    assert training.xpath("related-activity/@ref") == [plan.waste.iati_identifier]
    assert training.xpath("related-activity/@type") == ["1"]


def test_one_narrative_per_language(tree, plan):
    waste = _activity(tree, plan.waste.iati_identifier)
    titles = {n.get(XML_LANG): n.text for n in waste.find("title")}
    assert titles == {
        "id": "Percontohan pemilahan sampah",
        "ja": "ごみ分別モデル事業",
        "en": "Waste-sorting pilot",
    }
    fire = _activity(tree, plan.fire.iati_identifier)
    assert [n.get(XML_LANG) for n in fire.find("title")] == ["id"]


def test_dates_sector_location_and_participants(tree, plan):
    waste = _activity(tree, plan.waste.iati_identifier)
    dates = {d.get("type"): d.get("iso-date") for d in waste.findall("activity-date")}
    assert dates == {"1": "2026-02-01", "2": "2026-02-10", "3": "2026-12-31"}
    assert waste.find("sector").get("code") == "14050"
    assert waste.find("sector").get("vocabulary") == "1"
    roles = sorted(o.get("role") for o in waste.findall("participating-org"))
    assert roles == ["1", "2", "2", "4"]
    training = _activity(tree, f"{plan.waste.iati_identifier}-training-2026")
    location = training.find("location")
    assert location.find("name/narrative").text == "Kecamatan Batang"
    assert location.find("point").get("srsName").endswith("4326")
    assert location.find("point/pos").text == "-6.9078 109.7304"


def test_money_is_reported_once_where_it_belongs(tree, plan):
    waste = _activity(tree, plan.waste.iati_identifier)
    budgets = {
        (b.find("value").get("currency"), b.find("value").text) for b in waste.findall("budget")
    }
    assert budgets == {("IDR", "150000000"), ("JPY", "2000000")}
    assert [t.find("transaction-type").get("code") for t in waste.findall("transaction")] == ["2"]
    training = _activity(tree, f"{plan.waste.iati_identifier}-training-2026")
    assert training.find("budget/value").text == "25000000"
    transaction = training.find("transaction")
    assert transaction.find("transaction-type").get("code") == "3"
    assert transaction.find("value").get("value-date") == "2026-02-20"


def test_actuals_count_approved_updates_only(tree, plan):
    waste = _activity(tree, plan.waste.iati_identifier)
    trained = waste.xpath("result/indicator[reference/@code='t-officers-trained']")[0]
    assert trained.get("measure") == "1"
    assert trained.find("baseline").get("year") == "2025"
    periods = trained.findall("period")
    assert [p.find("target").get("value") for p in periods] == ["20", "20"]
    # 12 approved; the submitted 5 does not count.
    assert periods[0].find("actual").get("value") == "12"
    assert periods[1].find("actual") is None
    policy = waste.xpath("result/indicator[reference/@code='t-policy-adopted']")[0]
    assert policy.get("measure") == "5"
    assert policy.find("period/actual/comment/narrative").text == "Rancangan perbup dibahas."


def test_public_only_leaves_out_private_programmes(partnership, plan):
    xml = export_iati(partnership, public_only=True)
    assert validate(xml) == []
    identifiers = etree.fromstring(xml).xpath("iati-activity/iati-identifier/text()")
    assert plan.waste.iati_identifier in identifiers
    assert plan.fire.iati_identifier not in identifiers
    assert f"{plan.waste.iati_identifier}-pilot-kelurahan" not in identifiers  # not public


def test_a_partnership_without_programmes_gets_a_clear_error_not_an_invalid_file(
    other_partnership,
):
    with pytest.raises(SisterCityError) as error:
        export_iati(other_partnership)
    assert error.value.code == "iati_empty"
    with pytest.raises(CommandError, match="IATI"):
        call_command("export_iati", other_partnership.slug, stdout=io.StringIO())


def test_command_writes_the_file_to_stdout(partnership, plan):
    out = io.StringIO()
    call_command("export_iati", partnership.slug, stdout=out)
    xml = out.getvalue().encode()
    assert validate(xml) == []
    assert plan.waste.iati_identifier.encode() in xml


def test_command_refuses_an_unknown_partnership(db):
    with pytest.raises(CommandError, match="no-such-partnership"):
        call_command("export_iati", "no-such-partnership", stdout=io.StringIO())
