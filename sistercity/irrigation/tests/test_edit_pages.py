"""Editing an irrigation scheme, its golongan, water-user associations, canals and structures
and canal drops from the pages: saved through the services; a refusal shows the form again
with status 400, the error beside its field, and the database unchanged."""

from decimal import Decimal
from html import escape

import pytest
from django.apps import apps
from django.urls import reverse

from sistercity.irrigation.models import (
    CanalDrop,
    RotationGroup,
    Scheme,
    Structure,
    WaterUserAssociation,
)

pytestmark = pytest.mark.django_db

SLUG = "batang-toyama"


def url(name, **kwargs):
    return reverse(name, kwargs={"slug": SLUG, **kwargs})


def rows() -> dict[str, list[dict]]:
    """Every irrigation row with its values (not only the counts): an edit refused must leave
    them all as they were."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_app_config("irrigation").get_models()
    }


def sambong() -> Scheme:
    return Scheme.objects.get(code="di-sambong")


def scheme_data(**changes) -> dict:
    scheme = sambong()
    data = {
        "code": scheme.code,
        "name": scheme.name,
        "command_area_ha": str(scheme.command_area_ha),
        "water_source": scheme.water_source,
        "intake": scheme.intake,
        "station": scheme.station_id,
        "tertiary_efficiency": str(scheme.tertiary_efficiency),
        "secondary_efficiency": str(scheme.secondary_efficiency),
        "primary_efficiency": str(scheme.primary_efficiency),
        "percolation_mm_day": str(scheme.percolation_mm_day),
        "season_start": scheme.season_start,
        "palawija": scheme.palawija,
        "available_flow_m3s": " ".join(str(q) for q in scheme.available_flow_m3s),
        "rehabilitation_cost_idr": str(scheme.rehabilitation_cost_idr),
        "rehabilitated_on": "",
        "is_illustrative": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def refused(client, target, data, field, text, language="en"):
    """POST ``data``: 400, ``text`` beside ``field`` (in the form's errors for that field and on
    the page), nothing changed."""
    before = rows()
    response = client.post(target.replace("/id/", f"/{language}/", 1), data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors, errors
    assert any(text in e for e in errors[field]), errors[field]
    assert escape(text) in response.content.decode()
    assert f'id="id_{field}_error"' in response.content.decode()  # beside the field
    assert rows() == before
    return response


# --- scheme -------------------------------------------------------------------------------


def test_the_planner_edits_a_scheme(demo, wahyu, client_for):
    client = client_for(wahyu)
    page = client.get(url("irrigation:scheme_edit", code="di-sambong"))
    assert page.status_code == 200
    assert 'value="DI Sambong"' in page.content.decode()
    response = client.post(
        url("irrigation:scheme_edit", code="di-sambong"),
        scheme_data(name="DI Sambong Baru", command_area_ha="1200", primary_efficiency="0.85"),
    )
    assert response.status_code == 302, response.context["form"].errors
    scheme = sambong()
    assert scheme.name == "DI Sambong Baru"
    assert scheme.command_area_ha == Decimal("1200")
    assert scheme.authority == "province"  # follows the command area
    assert scheme.primary_efficiency == Decimal("0.850")
    assert len(scheme.available_flow_m3s) == 24


def test_the_planner_adds_a_scheme(demo, wahyu, client_for):
    client = client_for(wahyu)
    assert client.get(url("irrigation:scheme_new")).status_code == 200
    response = client.post(
        url("irrigation:scheme_new"),
        scheme_data(code="di-baru", name="DI Baru", command_area_ha="80", available_flow_m3s=""),
    )
    assert response.status_code == 302, response.context["form"].errors
    scheme = Scheme.objects.get(code="di-baru")
    assert scheme.authority == "regency" and scheme.available_flow_m3s == []
    assert response["Location"] == url("irrigation:scheme", code="di-baru")


def test_a_command_area_smaller_than_the_golongan_is_refused(demo, wahyu, client_for):
    refused(
        client_for(wahyu),
        url("irrigation:scheme_edit", code="di-sambong"),
        scheme_data(command_area_ha="900"),
        "command_area_ha",
        "more than the scheme's command area",
    )


@pytest.mark.parametrize("value", ["0", "1.2"])
def test_a_scheme_efficiency_of_0_or_above_1_is_refused(demo, wahyu, client_for, value):
    refused(
        client_for(wahyu),
        url("irrigation:scheme_edit", code="di-sambong"),
        scheme_data(secondary_efficiency=value),
        "secondary_efficiency",
        "must be above 0 and at most 1",
    )


def test_a_flow_without_24_half_months_is_refused(demo, wahyu, client_for):
    refused(
        client_for(wahyu),
        url("irrigation:scheme_edit", code="di-sambong"),
        scheme_data(available_flow_m3s="1.2 1.3 1.4"),
        "available_flow_m3s",
        "24 half-monthly values are needed",
    )


def test_a_code_already_used_is_refused_in_indonesian(demo, wahyu, client_for):
    refused(
        client_for(wahyu),
        url("irrigation:scheme_edit", code="di-sambong"),
        scheme_data(code="di-kupang"),
        "code",
        "di-kupang",
        language="id",
    )
    assert Scheme.objects.filter(code="di-sambong").exists()


# --- golongan -----------------------------------------------------------------------------


def test_the_planner_edits_a_golongan(demo, wahyu, client_for):
    client = client_for(wahyu)
    target = url("irrigation:group_edit", code="di-sambong", group="III")
    assert 'value="270' in client.get(target).content.decode()
    response = client.post(target, {"code": "III", "area_ha": "250", "shift_half_months": 3})
    assert response.status_code == 302
    group = RotationGroup.objects.get(scheme__code="di-sambong", code="III")
    assert group.area_ha == Decimal("250") and group.shift_half_months == 3


def test_golongan_areas_over_the_command_area_are_refused(demo, wahyu, client_for):
    client = client_for(wahyu)
    refused(
        client,
        url("irrigation:group_edit", code="di-sambong", group="III"),
        {"code": "III", "area_ha": "300", "shift_half_months": 2},
        "area_ha",
        "more than the scheme's command area",
    )
    refused(
        client,
        url("irrigation:group_new", code="di-sambong"),
        {"code": "IV", "area_ha": "1", "shift_half_months": 0},
        "area_ha",
        "more than the scheme's command area",
    )
    assert not RotationGroup.objects.filter(code="IV").exists()


def test_the_golongan_area_error_is_translated(demo, wahyu, client_for):
    refused(
        client_for(wahyu),
        url("irrigation:group_new", code="di-sambong"),
        {"code": "IV", "area_ha": "1", "shift_half_months": 0},
        "area_ha",
        "ローテーション区の合計 951.0 ha が灌漑地区の受益面積を超えています",
        language="ja",
    )


def test_a_golongan_code_used_twice_is_refused(demo, wahyu, client_for):
    refused(
        client_for(wahyu),
        url("irrigation:group_edit", code="di-sambong", group="III"),
        {"code": "II", "area_ha": "270", "shift_half_months": 2},
        "code",
        "golongan II",
    )


def test_a_new_golongan_fits_a_scheme_with_room(demo, wahyu, client_for):
    client = client_for(wahyu)
    client.post(url("irrigation:scheme_new"), scheme_data(code="di-baru", command_area_ha="80"))
    response = client.post(
        url("irrigation:group_new", code="di-baru"),
        {"code": "I", "area_ha": "80", "shift_half_months": 0},
    )
    assert response.status_code == 302
    assert RotationGroup.objects.get(scheme__code="di-baru").area_ha == Decimal("80")


# --- associations ---------------------------------------------------------------------------


def test_the_planner_adds_and_edits_an_association(demo, wahyu, client_for):
    client = client_for(wahyu)
    response = client.post(
        url("irrigation:association_new", code="di-sambong"),
        {"name": "P3A Sido Makmur", "level": "p3a", "members": 85, "is_legal_entity": "on"},
    )
    assert response.status_code == 302
    association = WaterUserAssociation.objects.get(name="P3A Sido Makmur")
    assert association.members == 85 and association.is_legal_entity
    target = url("irrigation:association_edit", code="di-sambong", pk=association.pk)
    client.post(target, {"name": "P3A Sido Makmur", "level": "p3a", "members": 90})
    association.refresh_from_db()
    assert association.members == 90 and not association.is_legal_entity
    page = client.get(url("irrigation:scheme", code="di-sambong")).content.decode()
    assert "P3A Sido Makmur" in page


def test_negative_members_are_refused(demo, wahyu, client_for):
    association = sambong().associations.first()
    refused(
        client_for(wahyu),
        url("irrigation:association_edit", code="di-sambong", pk=association.pk),
        {"name": association.name, "level": "gp3a", "members": -4},
        "members",
        "cannot be negative",
    )


# --- canals and structures --------------------------------------------------------------------


def test_the_planner_records_a_canal_and_its_condition(demo, wahyu, client_for):
    client = client_for(wahyu)
    response = client.post(
        url("irrigation:structure_new", code="di-sambong"),
        {
            "kind": "primary",
            "name": "Saluran Induk Sambong",
            "length_m": "4200",
            "condition": "moderate",
        },
    )
    assert response.status_code == 302
    canal = Structure.objects.get(name="Saluran Induk Sambong")
    assert canal.length_m == Decimal("4200") and canal.condition == "moderate"
    client.post(
        url("irrigation:structure_edit", code="di-sambong", pk=canal.pk),
        {
            "kind": "primary",
            "name": "Saluran Induk Sambong",
            "length_m": "4200",
            "condition": "heavy",
        },
    )
    canal.refresh_from_db()
    assert canal.condition == "heavy"
    page = client.get(url("irrigation:scheme", code="di-sambong").replace("/id/", "/en/"))
    assert "heavily damaged" in page.content.decode()


@pytest.mark.parametrize(
    ("data", "field", "text"),
    [
        (
            {"kind": "secondary", "name": "BS.3", "length_m": "", "condition": "good"},
            "length_m",
            "A canal needs its length",
        ),
        (
            {"kind": "weir", "name": "Bendung", "length_m": "-5", "condition": "good"},
            "length_m",
            "must be above 0",
        ),
        (
            {"kind": "weir", "name": "  ", "length_m": "", "condition": "good"},
            "name",
            "This field is required",
        ),
    ],
)
def test_a_bad_structure_is_refused(demo, wahyu, client_for, data, field, text):
    refused(
        client_for(wahyu), url("irrigation:structure_new", code="di-sambong"), data, field, text
    )


# --- canal drops --------------------------------------------------------------------------------


def drop_data(**changes):
    data = {
        "name": "Terjunan BS.3 Sambong",
        "head_m": "4.0",
        "efficiency": "0.75",
        "design_flow_m3s": "1.5",
        "flow_duration": "0 2.9\n50 1.5\n100 0.8",
        "is_illustrative": "on",
    }
    data.update(changes)
    return data


def test_the_planner_edits_a_drop_and_the_ranking_follows(demo, wahyu, client_for):
    client = client_for(wahyu)
    drop = CanalDrop.objects.get(name="Terjunan BS.3 Sambong")
    target = url("irrigation:drop_edit", code="di-sambong", pk=drop.pk)
    assert "50 1.5" in client.get(target).content.decode()
    before = client.get(url("irrigation:overview")).context["drops"][0][1]
    response = client.post(target, drop_data())
    assert response.status_code == 302
    drop.refresh_from_db()
    assert drop.head_m == Decimal("4.00") and drop.flow_duration == [
        [0, 2.9],
        [50, 1.5],
        [100, 0.8],
    ]
    after = client.get(url("irrigation:overview")).context["drops"][0][1]
    assert after != before


@pytest.mark.parametrize(
    ("changes", "field", "text"),
    [
        ({"efficiency": "0"}, "efficiency", "must be above 0 and at most 1"),
        ({"head_m": "-1"}, "head_m", "is negative"),
        ({"flow_duration": "0 2.9\n50"}, "flow_duration", "Line 2 needs two numbers"),
        ({"flow_duration": "0 2.9\n120 1.0"}, "flow_duration", "0–100 percent"),
        ({"flow_duration": "0 2.9\n50 -1"}, "flow_duration", "is negative"),
        ({"design_flow_m3s": "-1"}, "design_flow_m3s", "must be above 0"),
    ],
)
def test_a_bad_drop_is_refused(demo, wahyu, client_for, changes, field, text):
    drop = CanalDrop.objects.get(name="Terjunan BS.3 Sambong")
    refused(
        client_for(wahyu),
        url("irrigation:drop_edit", code="di-sambong", pk=drop.pk),
        drop_data(**changes),
        field,
        text,
    )


def test_a_new_drop_may_not_take_an_existing_name(demo, wahyu, client_for):
    refused(
        client_for(wahyu),
        url("irrigation:drop_new", code="di-sambong"),
        drop_data(),
        "name",
        "already has a drop named",
    )


def test_the_planner_adds_a_drop(demo, wahyu, client_for):
    response = client_for(wahyu).post(
        url("irrigation:drop_new", code="di-sambong"), drop_data(name="Terjunan BS.5")
    )
    assert response.status_code == 302
    assert CanalDrop.objects.filter(scheme__code="di-sambong").count() == 2


# --- who may -------------------------------------------------------------------------------------


def edit_urls():
    drop = CanalDrop.objects.get(name="Terjunan BS.3 Sambong")
    association = sambong().associations.first()
    return [
        (url("irrigation:scheme_new"), scheme_data(code="di-x")),
        (url("irrigation:scheme_edit", code="di-sambong"), scheme_data(name="X")),
        (url("irrigation:group_new", code="di-kramat"), {"code": "Z", "area_ha": "1"}),
        (
            url("irrigation:group_edit", code="di-sambong", group="I"),
            {"code": "I", "area_ha": "300", "shift_half_months": 0},
        ),
        (
            url("irrigation:association_new", code="di-sambong"),
            {"name": "X", "level": "p3a", "members": 1},
        ),
        (
            url("irrigation:association_edit", code="di-sambong", pk=association.pk),
            {"name": "X", "level": "p3a", "members": 1},
        ),
        (
            url("irrigation:structure_new", code="di-sambong"),
            {"kind": "weir", "name": "X", "condition": "good"},
        ),
        (url("irrigation:drop_new", code="di-sambong"), drop_data(name="X")),
        (url("irrigation:drop_edit", code="di-sambong", pk=drop.pk), drop_data(head_m="9")),
    ]


def test_outsiders_get_404_and_nothing_changes(demo, otto, client_for):
    client = client_for(otto)
    before = rows()
    for target, data in edit_urls():
        assert client.get(target).status_code == 404, target
        assert client.post(target, data).status_code == 404, target
    assert rows() == before


@pytest.mark.parametrize("persona", ["observer", "budi"])
def test_members_without_the_right_get_403_and_nothing_changes(demo, client_for, persona):
    client = client_for(demo.users[persona])
    before = rows()
    for target, data in edit_urls():
        assert client.get(target).status_code == 403, target
        assert client.post(target, data).status_code == 403, target
    assert rows() == before
    page = client.get(url("irrigation:scheme", code="di-sambong")).content.decode()
    assert 'data-test="edit-scheme"' not in page and 'data-test="new-drop"' not in page


def test_the_planner_sees_the_edit_links(demo, wahyu, client_for):
    page = client_for(wahyu).get(url("irrigation:scheme", code="di-sambong")).content.decode()
    for test_id in (
        "edit-scheme",
        "new-group",
        "edit-group-III",
        "new-association",
        "new-structure",
        "new-drop",
    ):
        assert f'data-test="{test_id}"' in page


# --- climate stations ------------------------------------------------------------------------


def station_data(**changes):
    data = {
        "code": "ILU-BTG01",
        "name": "Pos Klimatologi Batang",
        "latitude": "-6.91",
        "longitude": "109.73",
        "elevation_m": "12",
        "wind_height_m": "2",
    }
    data.update(changes)
    return data


def test_the_planner_adds_and_edits_a_station(demo, wahyu, client_for):
    from sistercity.irrigation.models import ClimateStation

    client = client_for(wahyu)
    response = client.post(
        url("irrigation:station_new"), station_data(code="STA-2", name="Pos Subah")
    )
    assert response.status_code == 302
    assert response["Location"] == url("irrigation:station", code="STA-2")
    target = url("irrigation:station_edit", code="ILU-BTG01")
    assert 'value="109.73' in client.get(target).content.decode()
    assert client.post(target, station_data()).status_code == 302
    station = ClimateStation.objects.get(code="ILU-BTG01")
    assert station.wind_height_m == Decimal("2.0") and station.name == "Pos Klimatologi Batang"
    assert station.records.count() == 365  # the records stay with the station


@pytest.mark.parametrize(
    ("changes", "field", "text"),
    [
        ({"latitude": "95"}, "latitude", "beyond ±90°"),
        ({"longitude": "-181"}, "longitude", "beyond ±180°"),
        ({"wind_height_m": "0"}, "wind_height_m", "at least 0.5 m"),
        ({"code": "STA-X", "latitude": "abc"}, "latitude", "Enter a number."),
    ],
)
def test_a_bad_station_is_refused(demo, wahyu, client_for, changes, field, text):
    refused(
        client_for(wahyu),
        url("irrigation:station_edit", code="ILU-BTG01"),
        station_data(**changes),
        field,
        text,
    )


def test_a_station_code_used_twice_is_refused(demo, wahyu, client_for):
    client = client_for(wahyu)
    client.post(url("irrigation:station_new"), station_data(code="STA-2"))
    refused(
        client,
        url("irrigation:station_edit", code="STA-2"),
        station_data(code="ILU-BTG01"),
        "code",
        "Another station of this partnership has the code ILU-BTG01.",
    )


def test_only_the_planner_may_change_stations(demo, otto, observer, client_for):
    before = rows()
    targets = [url("irrigation:station_new"), url("irrigation:station_edit", code="ILU-BTG01")]
    for user, status in ((otto, 404), (observer, 403)):
        client = client_for(user)
        for target in targets:
            assert client.get(target).status_code == status, (user, target)
            assert client.post(target, station_data(name="X")).status_code == status
    assert rows() == before
