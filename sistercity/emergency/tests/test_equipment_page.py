"""Equipment items with their inspection dates are added from the fleet page: the item is saved
and listed at its post; bad input is refused beside the field (status 400) and saves nothing;
outsiders get 404."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from sistercity.emergency.models import EquipmentItem, FirePost
from sistercity.testing import db_snapshot

SLUG = "batang-toyama"


def _post(partnership) -> FirePost:
    return FirePost.objects.get(partnership=partnership, code="mako-batang")


def _data(post, **changes):
    data = {
        "form": "equipment",
        "equipment-post": post.pk,
        "equipment-name": "Breathing apparatus SCBA",
        "equipment-quantity": "4",
        "equipment-serial": "SCBA-2026-07",
        "equipment-last_inspected_on": "2026-06-01",
        "equipment-next_inspection_on": "2026-12-01",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_an_equipment_item_is_added_from_the_fleet_page(client_for, agus, partnership):
    post = _post(partnership)
    url = reverse("emergency:fleet", args=[SLUG])
    response = client_for(agus).post(url, _data(post), follow=True)
    assert response.redirect_chain[-1] == (url, 302)
    item = EquipmentItem.objects.get(post=post, name="Breathing apparatus SCBA")
    assert (item.quantity, item.serial) == (4, "SCBA-2026-07")
    assert item.last_inspected_on == dt.date(2026, 6, 1)
    assert item.next_inspection_on == dt.date(2026, 12, 1)
    html = response.content.decode()
    assert f'data-equipment="{item.pk}"' in html
    assert "Peralatan telah ditambahkan." in html


def test_the_form_is_offered_in_japanese(client_for, agus):
    with translation.override("ja"):
        url = reverse("emergency:fleet", args=[SLUG])
    html = client_for(agus).get(url).content.decode()
    assert 'id="equipment-form"' in html
    assert "資機材を追加" in html


def test_a_next_inspection_before_the_last_is_refused_beside_the_field(
    client_for, agus, partnership
):
    post = _post(partnership)
    before = db_snapshot("emergency", "auditlog")
    response = client_for(agus).post(
        reverse("emergency:fleet", args=[SLUG]),
        _data(post, **{"equipment-next_inspection_on": "2026-05-01"}),
    )
    assert response.status_code == 400
    form = response.context["equipment_form"]
    assert form.errors["next_inspection_on"] == [
        "Pemeriksaan berikutnya tidak dapat jatuh sebelum pemeriksaan terakhir."
    ]
    html = response.content.decode()
    assert 'id="id_equipment-next_inspection_on_error"' in html
    assert db_snapshot("emergency", "auditlog") == before
    assert not EquipmentItem.objects.filter(name="Breathing apparatus SCBA").exists()


def test_an_item_without_a_name_is_refused(client_for, agus, partnership):
    post = _post(partnership)
    before = db_snapshot("emergency", "auditlog")
    response = client_for(agus).post(
        reverse("emergency:fleet", args=[SLUG]), _data(post, **{"equipment-name": ""})
    )
    assert response.status_code == 400
    assert "name" in response.context["equipment_form"].errors
    assert 'id="id_equipment-name_error"' in response.content.decode()
    assert db_snapshot("emergency", "auditlog") == before


@pytest.mark.parametrize(
    ("persona", "status"),
    [("observer", 400), ("otto", 404)],  # the observer is refused; the outsider sees nothing
)
def test_only_the_fire_service_and_secretariats_add_equipment(
    request, client_for, partnership, persona, status
):
    post = _post(partnership)
    client = client_for(request.getfixturevalue(persona))
    before = db_snapshot("emergency", "auditlog")
    response = client.post(reverse("emergency:fleet", args=[SLUG]), _data(post))
    assert response.status_code == status
    assert db_snapshot("emergency", "auditlog") == before
