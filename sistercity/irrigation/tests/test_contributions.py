"""What the sector feeds the agriculture pillar's indicators and the dashboard."""

import datetime as dt
from decimal import Decimal

import pytest
from django.test import RequestFactory

from sistercity.core.registry import registry
from sistercity.irrigation import contributions
from sistercity.irrigation.models import Scheme

pytestmark = pytest.mark.django_db


def feed(code):
    return next(f for f in registry.sectors["irrigation"].indicator_feeds if f.code == code)


def test_hectares_count_only_rehabilitated_schemes(demo):
    count = feed("irrigation:hectares_rehabilitated").count
    assert count(demo.partnership, None) == 0
    Scheme.objects.filter(code="di-lojahan").update(rehabilitated_on=dt.date(2026, 10, 1))
    assert count(demo.partnership, None) == Decimal("420")


def test_schemes_assessed_counts_each_scheme_once(demo):
    assert feed("irrigation:schemes_assessed").count(demo.partnership, None) == 4


def test_the_dashboard_panel_names_the_first_scheme_for_rehabilitation(demo, sari, otto):
    request = RequestFactory().get("/")
    request.user = sari
    context = contributions._dashboard(request, demo.partnership)
    assert context["schemes"] == 4 and context["first"].scheme.code == "di-kramat"
    request.user = otto
    assert contributions._dashboard(request, demo.partnership) is None


def test_the_results_dashboard_shows_the_irrigation_panel(demo, client, sari):
    client.force_login(sari)
    page = client.get(f"/en/partnerships/{demo.partnership.slug}/results/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="irrigation-panel"' in html and "4 irrigation schemes" in html
    assert "/irrigation/" in html and "di-kramat" in html
