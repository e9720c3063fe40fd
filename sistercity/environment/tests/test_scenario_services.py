"""Scenario services: who may create and edit, and bad inputs refused with nothing saved."""

import copy

import pytest
from django.http import Http404
from django.utils import translation

from sistercity.core.access import Action, access_for
from sistercity.core.errors import SisterCityError
from sistercity.environment import services
from sistercity.environment.demo import TODAY, TOYAMA_STYLE
from sistercity.environment.models import WasteScenario
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db


def create(user, partnership, municipality, inputs=None, code="variant"):
    return services.scenario_create(
        actor=user,
        partnership=partnership,
        municipality=municipality,
        code=code,
        name="Variant",
        inputs=copy.deepcopy(inputs or TODAY),
        language="id",
    )


def test_dlh_planner_creates_and_edits_a_scenario(demo, budi):
    scenario = create(budi, demo.partnership, demo.batang)
    assert scenario.created_by == budi
    inputs = copy.deepcopy(scenario.inputs)
    inputs["source_separation_rate"] = 0.2
    services.scenario_update(actor=budi, scenario=scenario, inputs=inputs)
    scenario.refresh_from_db()
    assert scenario.inputs["source_separation_rate"] == 0.2


@pytest.mark.parametrize("persona", ["sari", "yamada", "admin"])
def test_secretariat_partner_officer_and_admin_may_edit(demo, persona):
    scenario = WasteScenario.objects.get(code="open-dump-today")
    services.scenario_update(actor=demo.users[persona], scenario=scenario, name="Renamed")
    assert access_for(demo.users[persona], demo.partnership).can(
        Action.CHANGE, pillar="environment"
    )


def test_observer_sees_but_may_not_edit(demo, observer):
    scenario = WasteScenario.objects.get(code="open-dump-today")
    assert WasteScenario.objects.for_user(observer).filter(pk=scenario.pk).exists()
    before = db_snapshot("environment")
    with pytest.raises(SisterCityError) as refused:
        services.scenario_update(actor=observer, scenario=scenario, name="Observer's")
    assert refused.value.status == 403
    with pytest.raises(SisterCityError):
        create(observer, demo.partnership, demo.batang)
    assert db_snapshot("environment") == before


def test_agency_officer_without_the_environment_pillar_may_not_edit(demo, budi):
    from sistercity.core.models import Pillar

    membership = budi.memberships.get()
    membership.pillars.set(Pillar.objects.filter(code="education"))
    scenario = WasteScenario.objects.get(code="open-dump-today")
    with pytest.raises(SisterCityError) as refused:
        services.scenario_update(actor=budi, scenario=scenario, name="x")
    assert refused.value.status == 403


def test_outsider_and_reviewer_get_404(demo, otto, rina):
    scenario = WasteScenario.objects.get(code="open-dump-today")
    for user in (otto, rina):
        assert not WasteScenario.objects.for_user(user).filter(pk=scenario.pk).exists()
        with pytest.raises(Http404):
            services.scenario_update(actor=user, scenario=scenario, name="x")
        with pytest.raises(Http404):
            create(user, demo.partnership, demo.batang)


def test_municipality_must_belong_to_the_partnership(demo, budi, other_partnership):
    kendal = other_partnership.municipalities.get(slug="kendal")
    with pytest.raises(SisterCityError) as refused:
        create(budi, demo.partnership, kendal)
    assert refused.value.code == "municipality"


def bad(change):
    inputs = copy.deepcopy(TOYAMA_STYLE)
    change(inputs)
    return inputs


BAD_INPUTS = [
    (
        "composition_sum",
        lambda i: i["composition"].update(food=0.5),
        "must add up to 100 %",
    ),
    (
        "shares_over_100",
        lambda i: i["shares"].update(open_burning=0.5),
        "more than 100 %",
    ),
    ("share_out_of_range", lambda i: i.update(source_separation_rate=1.5), "between 0 and 100"),
    ("negative_tonnage", lambda i: i.update(population=-5), "must not be negative"),
    (
        "negative_tonnage",
        lambda i: i["facilities"][0].update(capacity_t_per_year=-10),
        "must not be negative",
    ),
    ("horizon_too_long", lambda i: i.update(horizon_years=101), "at most 100"),
    ("unknown_waste_type", lambda i: i["composition"].update(styrofoam=0.0), "styrofoam"),
    ("unknown_pathway", lambda i: i["shares"].update(river=0.01), "river"),
    (
        "no_capacity",
        lambda i: i["facilities"][3].update(capacity_t_per_year=0),
        "no capacity",
    ),
    (
        "insufficient_separated_material",
        lambda i: i.update(source_separation_rate=0.1),
        "source-separation rate",
    ),
    ("unknown_field", lambda i: i.update(colour="green"), "colour"),
]


@pytest.mark.parametrize("code, change, words", BAD_INPUTS)
def test_bad_inputs_are_refused_with_a_clear_message_and_nothing_saved(
    demo, budi, code, change, words
):
    scenario = WasteScenario.objects.get(code="toyama-style")
    stored = copy.deepcopy(scenario.inputs)
    before = db_snapshot("environment", "auditlog")
    with pytest.raises(SisterCityError) as refused:
        services.scenario_update(actor=budi, scenario=scenario, inputs=bad(change))
    assert refused.value.code == code
    assert words in str(refused.value)
    with pytest.raises(SisterCityError):
        create(budi, demo.partnership, demo.batang, inputs=bad(change))
    assert db_snapshot("environment", "auditlog") == before
    scenario.refresh_from_db()
    assert scenario.inputs == stored


def test_no_capacity_message_names_the_pathway_and_the_facility(demo, budi):
    inputs = bad(lambda i: i["facilities"][3].update(capacity_t_per_year=0))
    with pytest.raises(SisterCityError) as refused:
        create(budi, demo.partnership, demo.batang, inputs=inputs)
    message = str(refused.value)
    assert "waste-to-energy incineration" in message and "PLTSa (WtE)" in message


def test_messages_follow_the_active_language(demo, budi):
    # The catalogues are filled centrally; the message is a lazy translation either way.
    inputs = bad(lambda i: i.update(horizon_years=150))
    with translation.override("ja"), pytest.raises(SisterCityError) as refused:
        create(budi, demo.partnership, demo.batang, inputs=inputs)
    assert "150" in str(refused.value) and "100" in str(refused.value)


def test_duplicate_code_is_refused(demo, budi):
    before = db_snapshot("environment")
    with pytest.raises(SisterCityError) as refused:
        create(budi, demo.partnership, demo.batang, code="toyama-style")
    assert refused.value.code == "duplicate"
    assert db_snapshot("environment") == before


def test_changes_are_in_the_partnership_history(demo, budi):
    from auditlog.models import LogEntry

    scenario = WasteScenario.objects.get(code="toyama-style")
    services.scenario_update(actor=budi, scenario=scenario, indicator_code="diversion")
    entry = LogEntry.objects.filter(object_pk=str(scenario.pk)).latest("timestamp")
    assert entry.actor == budi
    assert entry.additional_data == {"partnership": demo.partnership.pk}
