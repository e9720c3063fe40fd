"""The demo's waste data and scenarios: loaded once, with provenance, and idempotent."""

import pytest

from sistercity.demo.data import load_demo
from sistercity.environment.models import WasteFigure, WasteScenario
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db


def test_demo_keeps_conflicting_generation_figures_side_by_side(partnership):
    figures = WasteFigure.objects.filter(
        partnership=partnership, metric="generation_t_day", year=2024
    ).order_by("value")
    assert [int(f.value) for f in figures] == [300, 413]
    assert figures[0].source != figures[1].source
    assert all(f.source.is_sample for f in figures)


def test_demo_has_two_scenarios_and_is_idempotent(demo):
    assert list(
        WasteScenario.objects.filter(partnership=demo.partnership).values_list("code", flat=True)
    ) == ["open-dump-today", "toyama-style"]
    before = db_snapshot("environment")
    load_demo()
    assert db_snapshot("environment") == before
