"""Registering a vehicle and starting its grant procedure in the pages, distances in metres,
the results dashboard panel and the public section, the certificate, the XLSX, and list pages
whose query count does not grow with their rows."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from sistercity.emergency.models import Attendance, CoverageScenario, FirePost, Vehicle, Village
from sistercity.emergency.services import coverage as coverage_services
from sistercity.emergency.services import fleet
from sistercity.testing import db_snapshot

SLUG = "batang-toyama"


def test_a_donated_truck_is_registered_and_its_procedure_started(client_for, agus, partnership):
    client = client_for(agus)
    response = client.post(
        reverse("emergency:fleet", args=[SLUG]),
        {"code": "TYM-03", "kind": "tanker", "origin": "donated", "donor": "Toyama City"},
    )
    assert response.status_code == 302
    vehicle = Vehicle.objects.get(partnership=partnership, code="TYM-03")
    assert vehicle.status == "awaiting_handover"
    client.post(reverse("emergency:vehicle_action", args=[SLUG, "TYM-03", "grant-start"]))
    vehicle.refresh_from_db()
    assert vehicle.grant.current_step == "offer"


def test_a_donated_truck_without_donor_is_refused_in_the_page(client_for, agus):
    before = db_snapshot()
    response = client_for(agus).post(
        reverse("emergency:fleet", args=[SLUG]),
        {"code": "TYM-04", "kind": "tanker", "origin": "donated"},
    )
    assert response.status_code == 400
    assert "pemberi hibah" in response.content.decode()
    assert response.context["form"].errors["donor"]  # beside the field, not a banner
    assert db_snapshot() == before


def test_distances_in_metres_are_turned_into_minutes(agus, partnership):
    lines = ["origin,destination,metres"]
    for post in FirePost.objects.filter(partnership=partnership):
        for village in Village.objects.filter(partnership=partnership):
            lines.append(f"{post.code},{village.code},5000")
    file = SimpleUploadedFile("m.csv", "\n".join(lines).encode())
    with pytest.raises(Exception) as refused:
        coverage_services.travel_times_import(actor=agus, partnership=partnership, file=file)
    assert refused.value.code == "speed"
    file.seek(0)
    coverage_services.travel_times_import(
        actor=agus, partnership=partnership, file=file, speed_kmh=30
    )
    village = Village.objects.filter(partnership=partnership).first()
    assert float(village.travel_times.first().minutes) == 10.0


def test_the_results_dashboard_panel_shows_the_fire_service_figures(partnership):
    from django.template.loader import render_to_string

    from sistercity.core.registry import registry, render_panels

    panels = [p for p in registry.dashboard_panels() if p.template.startswith("emergency/")]
    [shown] = render_panels(panels, None, partnership)
    assert shown["context"]["grants_open"] == 2
    html = render_to_string(shown["template"], {"panel": shown["context"]})
    assert 'id="emergency-panel"' in html
    assert reverse("emergency:dashboard", args=[SLUG]) in html


def test_the_public_page_shows_counts_and_no_names(client, partnership):
    html = client.get(reverse("portal:partnership", args=[SLUG])).content.decode()
    assert 'id="emergency-public"' in html
    assert "Slamet Riyadi" not in html


def test_a_certificate_prints_for_the_fire_service_not_for_observers(client_for, agus, observer):
    attendance = Attendance.objects.filter(passed=True).first()
    url = reverse("emergency:certificate", args=[SLUG, attendance.pk])
    response = client_for(agus).get(url)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert client_for(observer).get(url).status_code == 404


def test_observers_do_not_see_firefighters_names(client_for, observer):
    html = client_for(observer).get(reverse("emergency:crews", args=[SLUG])).content.decode()
    assert "Slamet Riyadi" not in html
    assert 'data-test="name-hidden"' in html


def test_the_scenario_xlsx_lists_every_village(client_for, agus, partnership):
    scenario = CoverageScenario.objects.filter(partnership=partnership).first()
    response = client_for(agus).get(reverse("emergency:scenario_xlsx", args=[SLUG, scenario.pk]))
    book = load_workbook(io.BytesIO(response.content))
    villages = book.worksheets[1]
    assert villages.max_row == 1 + len(scenario.inputs["villages"])


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["emergency:fleet", "emergency:coverage", "emergency:dashboard"])
def test_list_pages_query_count_does_not_grow(client_for, agus, partnership, page):
    client = client_for(agus)
    url = reverse(page, args=[SLUG])
    client.get(url)
    before = _queries(client, url)
    post = FirePost.objects.get(partnership=partnership, code="mako-batang")
    for index in range(5):
        fleet.vehicle_register(
            actor=agus,
            partnership=partnership,
            code=f"X-{index}",
            kind="pumper",
            origin="procured",
            post=post,
        )
        coverage_services.scenario_run(
            actor=agus, partnership=partnership, name=f"s{index}", model="mclp", posts=3
        )
    assert _queries(client, url) == before
