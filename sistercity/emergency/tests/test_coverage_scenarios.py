"""Coverage scenarios: run a model with today's posts fixed, import a travel-time matrix, and
refuse bad input with a translated message and nothing saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from sistercity.core.errors import SisterCityError
from sistercity.emergency.models import CoverageScenario, FirePost, TravelTime, Village
from sistercity.emergency.services import coverage as services
from sistercity.testing import db_snapshot


def test_one_more_post_raises_the_covered_population(agus, partnership):
    today = services.scenario_run(
        actor=agus, partnership=partnership, name="today", model="mclp", posts=2
    )
    more = services.scenario_run(
        actor=agus, partnership=partnership, name="+1", model="mclp", posts=3
    )
    assert set(today.results["sites"]) == {"mako-batang", "pos-limpung"}
    assert {"mako-batang", "pos-limpung"} <= set(more.results["sites"])
    assert len(more.results["new_sites"]) == 1
    assert more.results["population_covered"] > today.results["population_covered"]
    assert more.results["today"]["population_covered"] == today.results["population_covered"]
    assert more.results["optimal"] is True
    assert more.is_estimate and more.inputs["minutes"]


def test_lscp_and_p_median_run(agus, partnership):
    with pytest.raises(SisterCityError) as refused:
        services.scenario_run(actor=agus, partnership=partnership, name="all", model="lscp")
    # With 35 km/h and 1.4 detour not every kecamatan centre is within 15 minutes of a site.
    assert refused.value.code in {"uncoverable"}
    lscp = services.scenario_run(
        actor=agus,
        partnership=partnership,
        name="all",
        model="lscp",
        standard_minutes=30,
    )
    assert lscp.results["population_uncovered"] == 0
    median = services.scenario_run(
        actor=agus, partnership=partnership, name="pm", model="p_median", posts=4
    )
    assert len(median.results["sites"]) == 4
    assert median.results["mean_minutes"] > 0


@pytest.mark.parametrize(
    ("kwargs", "code", "words"),
    [
        ({"model": "mclp", "posts": 20}, "p_too_large", "lebih dari"),
        ({"model": "mclp", "posts": 1}, "fixed_exceeds_p", "minimal"),
        ({"model": "mclp", "posts": 3, "speed_kmh": 0}, "speed", "positif"),
    ],
)
def test_bad_model_inputs_are_refused_in_indonesian(agus, partnership, kwargs, code, words):
    before = db_snapshot()
    with translation.override("id"), pytest.raises(SisterCityError) as refused:
        services.scenario_run(actor=agus, partnership=partnership, name="x", **kwargs)
    assert refused.value.code == code
    with translation.override("id"):
        assert words in str(refused.value)
    assert db_snapshot() == before


def test_points_without_coordinates_are_named(agus, partnership):
    village = Village.objects.get(partnership=partnership, code="reban")
    village.latitude = None
    village.save()
    before = db_snapshot()
    with pytest.raises(SisterCityError) as refused:
        services.scenario_run(actor=agus, partnership=partnership, name="x", model="mclp", posts=3)
    assert refused.value.code == "coordinates"
    assert "Reban" in str(refused.value)
    assert db_snapshot() == before


def _matrix_csv(partnership, skip=None, override=None):
    lines = ["origin,destination,minutes"]
    for post in FirePost.objects.filter(partnership=partnership):
        for village in Village.objects.filter(partnership=partnership):
            if (post.code, village.code) == skip:
                continue
            minutes = 10 if post.kecamatan == village.kecamatan else 25
            if (post.code, village.code) == (override or (None, None))[:2]:
                minutes = override[2]
            lines.append(f"{post.code},{village.code},{minutes}")
    return SimpleUploadedFile("matrix.csv", "\n".join(lines).encode())


def test_measured_matrix_is_imported_and_used(agus, partnership):
    count = services.travel_times_import(
        actor=agus, partnership=partnership, file=_matrix_csv(partnership)
    )
    assert count == TravelTime.objects.filter(village__partnership=partnership).count() == 8 * 15
    scenario = services.scenario_run(
        actor=agus, partnership=partnership, name="m", model="mclp", posts=3, measured=True
    )
    assert not scenario.is_estimate
    assert scenario.results["today"] is not None


def test_matrix_with_a_missing_pair_is_refused(agus, partnership):
    before = db_snapshot()
    with pytest.raises(SisterCityError) as refused:
        services.travel_times_import(
            actor=agus,
            partnership=partnership,
            file=_matrix_csv(partnership, skip=("cand-blado", "reban")),
        )
    assert refused.value.code == "missing_pairs"
    assert "cand-blado → reban" in str(refused.value)
    assert db_snapshot() == before


def test_matrix_with_a_negative_time_is_refused(agus, partnership):
    before = db_snapshot()
    with translation.override("ja"), pytest.raises(SisterCityError) as refused:
        services.travel_times_import(
            actor=agus,
            partnership=partnership,
            file=_matrix_csv(partnership, override=("cand-blado", "reban", -3)),
        )
    assert refused.value.code == "negative_cost"
    with translation.override("ja"):
        assert "所要時間" in str(refused.value)
    assert db_snapshot() == before


def test_observer_cannot_run_a_scenario(observer, partnership):
    with pytest.raises(SisterCityError) as refused:
        services.scenario_run(
            actor=observer, partnership=partnership, name="x", model="mclp", posts=3
        )
    assert refused.value.status == 403
    assert not CoverageScenario.objects.filter(name="x").exists()
