"""A vehicle's particulars (make, registration, property number, capacities, year, post) are
corrected on its page; bad values are refused beside the field (status 400) and change
nothing; outsiders get 404."""

import pytest
from django.urls import reverse

from sistercity.emergency.models import FirePost, Vehicle
from sistercity.testing import db_snapshot

SLUG = "batang-toyama"


def _url(code="DMK-01"):
    return reverse("emergency:vehicle_action", args=[SLUG, code, "details"])


def test_the_fire_service_corrects_a_vehicle(client_for, agus, partnership):
    vehicle = Vehicle.objects.get(partnership=partnership, code="DMK-01")
    other_post = FirePost.objects.filter(partnership=partnership, kind="existing").exclude(
        pk=vehicle.post_id
    )[0]
    page = client_for(agus).get(reverse("emergency:vehicle", args=[SLUG, "DMK-01"]))
    assert page.context["details_form"].initial["registration"] == vehicle.registration
    response = client_for(agus).post(
        _url(),
        {
            "make_model": "Hino Ranger FG",
            "registration": "g 1234 dk",
            "asset_number": "02.03.01.04.001",
            "pump_lpm": "2800",
            "tank_litres": "4000",
            "year": "2012",
            "post": other_post.pk,
        },
        follow=True,
    )
    assert response.status_code == 200
    vehicle.refresh_from_db()
    assert (vehicle.make_model, vehicle.registration, vehicle.pump_lpm, vehicle.post) == (
        "Hino Ranger FG",
        "G 1234 DK",
        2800,
        other_post,
    )
    assert "Data kendaraan telah disimpan." in response.content.decode()


@pytest.mark.parametrize(
    "field, value",
    [("year", "1900"), ("pump_lpm", "-5"), ("make_model", "<b>Hino</b>"), ("post", "999999")],
)
def test_a_bad_value_is_refused_beside_the_field(client_for, agus, partnership, field, value):
    vehicle = Vehicle.objects.get(partnership=partnership, code="DMK-01")
    before = db_snapshot("emergency", "auditlog")
    response = client_for(agus).post(_url(), {"year": "2012", field: value})
    assert response.status_code == 400
    assert response.context["details_form"].errors[field]
    assert f'id="id_{field}_error"' in response.content.decode()
    assert db_snapshot("emergency", "auditlog") == before
    assert Vehicle.objects.get(pk=vehicle.pk).year == vehicle.year


def test_outsiders_get_404(client_for, otto):
    before = db_snapshot("emergency", "auditlog")
    assert client_for(otto).post(_url(), {"year": "2012"}).status_code == 404
    assert db_snapshot("emergency", "auditlog") == before
