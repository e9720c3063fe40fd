"""A post or candidate site is added from the fleet page with its coordinates and becomes a
site the coverage models choose among; a code in use or a missing coordinate is refused beside
the field (status 400) and saves nothing; outsiders get 404."""

from decimal import Decimal

import pytest
from django.urls import reverse

from sistercity.emergency.models import FirePost
from sistercity.emergency.services import coverage as coverage_services
from sistercity.testing import db_snapshot

SLUG = "batang-toyama"


def _data(**changes):
    data = {
        "form": "site",
        "site-code": "cand-warungasem",
        "site-name": "Calon pos Warungasem",
        "site-kind": "candidate",
        "site-kecamatan": "Warungasem",
        "site-latitude": "-7.0640",
        "site-longitude": "109.9560",
    }
    data.update(changes)
    return data


def test_a_candidate_site_is_added_and_the_models_choose_among_it(client_for, agus, partnership):
    url = reverse("emergency:fleet", args=[SLUG])
    response = client_for(agus).post(url, _data(), follow=True)
    assert response.redirect_chain[-1] == (url, 302)
    site = FirePost.objects.get(partnership=partnership, code="cand-warungasem")
    assert (site.kind, site.name, site.kecamatan) == (
        "candidate",
        "Calon pos Warungasem",
        "Warungasem",
    )
    assert (site.latitude, site.longitude) == (Decimal("-7.064"), Decimal("109.956"))
    html = response.content.decode()
    assert 'data-post="cand-warungasem"' in html
    assert "Lokasi telah ditambahkan." in html
    scenario = coverage_services.scenario_run(
        actor=agus, partnership=partnership, name="with Warungasem", model="mclp", posts=3
    )
    assert "cand-warungasem" in [s["code"] for s in scenario.inputs["sites"]]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"site-code": "mako-batang"}, "code"),  # the demo's main post
        ({"site-longitude": ""}, "longitude"),
        ({"site-latitude": "-95"}, "latitude"),
    ],
)
def test_bad_sites_are_refused_beside_the_field(client_for, agus, changes, field):
    client = client_for(agus)
    before = db_snapshot("emergency", "auditlog")
    response = client.post(reverse("emergency:fleet", args=[SLUG]), _data(**changes))
    assert response.status_code == 400
    assert response.context["site_form"].errors[field]
    assert f'id="id_site-{field}_error"' in response.content.decode()
    assert db_snapshot("emergency", "auditlog") == before


def test_the_service_refuses_a_site_without_coordinates(agus, partnership):
    from sistercity.core.errors import SisterCityError
    from sistercity.emergency.services import fleet

    before = db_snapshot("emergency", "auditlog")
    with pytest.raises(SisterCityError) as refused:
        fleet.post_add(
            actor=agus,
            partnership=partnership,
            code="cand-x",
            name="X",
            kind="candidate",
            latitude=Decimal("-7"),
            longitude=None,
        )
    assert (refused.value.code, refused.value.field) == ("coordinates", "longitude")
    assert db_snapshot("emergency", "auditlog") == before


def test_outsiders_get_404(client_for, otto):
    client = client_for(otto)
    before = db_snapshot("emergency", "auditlog")
    response = client.post(reverse("emergency:fleet", args=[SLUG]), _data())
    assert response.status_code == 404
    assert db_snapshot("emergency", "auditlog") == before
