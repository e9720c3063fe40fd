"""The pages: every role that sees the partnership sees them, outsiders get 404, forms refuse
bad input with a translated message and save nothing."""

import pytest
from django.urls import reverse

from sistercity.emergency.models import CoverageScenario, Incident, Vehicle
from sistercity.testing import db_snapshot

SLUG = "batang-toyama"


def _pages(partnership):
    scenario = CoverageScenario.objects.filter(partnership=partnership).first()
    incident = Incident.objects.filter(partnership=partnership).first()
    return [
        reverse("emergency:dashboard", args=[SLUG]),
        reverse("emergency:incidents", args=[SLUG]),
        reverse("emergency:incident", args=[SLUG, incident.pk]),
        reverse("emergency:fleet", args=[SLUG]),
        reverse("emergency:vehicle", args=[SLUG, "TYM-01"]),
        reverse("emergency:crews", args=[SLUG]),
        reverse("emergency:coverage", args=[SLUG]),
        reverse("emergency:scenario", args=[SLUG, scenario.pk]),
        reverse("emergency:compare", args=[SLUG]) + f"?s={scenario.pk}",
        reverse("emergency:scenario_xlsx", args=[SLUG, scenario.pk]),
    ]


@pytest.mark.parametrize("persona", ["sari", "yamada", "budi", "observer", "agus"])
def test_members_see_every_page(request, client_for, partnership, persona):
    client = client_for(request.getfixturevalue(persona))
    for url in _pages(partnership):
        assert client.get(url).status_code == 200, url


def test_outsiders_get_404(client_for, otto, partnership):
    client = client_for(otto)
    for url in _pages(partnership):
        assert client.get(url).status_code == 404, url


def test_the_dashboard_shows_the_share_within_15_minutes(client_for, agus):
    html = client_for(agus).get(reverse("emergency:dashboard", args=[SLUG])).content.decode()
    assert 'data-test="share-within"' in html
    assert 'data-kecamatan="Gringsing"' in html


def test_the_fleet_flags_a_post_without_a_qualified_operator(client_for, agus):
    html = client_for(agus).get(reverse("emergency:fleet", args=[SLUG])).content.decode()
    # DMK-03 (rescue) at Limpung: only shift A has a rescue-qualified firefighter.
    row = html.split('data-vehicle="DMK-03"')[1].split("</tr>")[0]
    assert 'data-test="unstaffed"' in row


def test_advancing_in_the_page_is_refused_naming_the_customs_document(client_for, sari):
    client = client_for(sari)
    url = reverse("emergency:vehicle_action", args=[SLUG, "TYM-01", "grant-advance"])
    before = db_snapshot()
    response = client.post(url, follow=True)
    assert db_snapshot() == before
    text = response.content.decode()
    assert "Bea Cukai" in text or "kepabeanan" in text


def test_a_scenario_with_p_too_large_is_refused_in_japanese(client_for, agus):
    client = client_for(agus)
    before = db_snapshot()
    response = client.post(
        "/ja/" + reverse("emergency:coverage", args=[SLUG]).split("/", 2)[2],
        {
            "name": "x",
            "model": "mclp",
            "posts": 40,
            "standard_minutes": 15,
            "detour_factor": "1.4",
            "speed_kmh": 35,
        },
    )
    assert response.status_code == 400  # the form again, the reason on it
    assert db_snapshot() == before
    assert "候補地" in response.content.decode()


def test_a_scenario_run_in_the_page_is_saved(client_for, agus):
    client = client_for(agus)
    response = client.post(
        reverse("emergency:coverage", args=[SLUG]),
        {
            "name": "plus two",
            "model": "mclp",
            "posts": 4,
            "standard_minutes": 15,
            "detour_factor": "1.4",
            "speed_kmh": 35,
        },
    )
    scenario = CoverageScenario.objects.get(name="plus two")
    assert response.status_code == 302
    assert len(scenario.results["sites"]) == 4


def test_observer_sees_no_forms(client_for, observer):
    html = client_for(observer).get(reverse("emergency:vehicle", args=[SLUG, "TYM-01"]))
    assert b"grant-document-form" not in html.content
    assert Vehicle.objects.filter(code="TYM-01").exists()
