"""The waste app's contribution to the registry: its scenarios' plans for the programme
indicators, read by the results dashboard without importing the app."""

import pytest

from sistercity.core.registry import PlannedValue, registry
from sistercity.environment import selectors

pytestmark = pytest.mark.django_db


def test_the_registry_hands_out_the_scenario_plans(demo, observer):
    plans = registry.planned_values(observer, demo.partnership)
    planned = plans["landfill-diversion-rate"]
    assert all(isinstance(plan, PlannedValue) for plan in planned)
    assert [plan.source.code for plan in planned] == ["open-dump-today", "toyama-style"]
    by_dict = selectors.planned_indicator_values(
        user=observer, indicator_code="landfill-diversion-rate"
    )
    assert [plan.values for plan in planned] == [p["values"] for p in by_dict]
    assert planned[1].series == "diversion_pct"
    assert (
        planned[1]
        .source.get_absolute_url()
        .endswith("/waste/batang-toyama/scenarios/toyama-style/")
    )


def test_an_outsider_gets_no_plans(demo, otto):
    assert registry.planned_values(otto, demo.partnership).get("landfill-diversion-rate", []) == []
