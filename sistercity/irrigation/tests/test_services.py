"""Scheme, group, assessment and climate services: who may write, and bad input refused with a
translated message and nothing saved."""

from decimal import Decimal

import pytest
from django.http import Http404
from django.utils import translation

from sistercity.core.errors import SisterCityError
from sistercity.irrigation import selectors, services
from sistercity.irrigation.demo import FIXTURE
from sistercity.irrigation.models import ClimateRecord, RotationGroup, Scheme
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db


def sambong() -> Scheme:
    return Scheme.objects.get(code="di-sambong")


def test_demo_sambong_is_short_in_june_and_a_later_golongan_iii_fixes_it(demo, wahyu):
    water = selectors.scheme_water(sambong())
    assert water.demand.deficit_half_months == [10]  # 1–15 June, dry-season land preparation
    assert water.demand.peak_m3s > water.demand.available_m3s[10]
    group = sambong().groups.get(code="III")
    services.rotation_group_shift(actor=wahyu, group=group, shift_half_months=3)
    water = selectors.scheme_water(sambong())
    assert water.demand.deficit_half_months == []
    demand = water.demand
    assert all(d <= a for d, a in zip(demand.intake_m3s, demand.available_m3s, strict=True))


def test_the_planner_finds_a_rotation_without_deficit_and_applies_it(demo, wahyu):
    shifts = services.rotation_apply_plan(actor=wahyu, scheme=sambong())
    assert selectors.scheme_water(sambong()).demand.deficit_half_months == []
    assert {g.code: g.shift_half_months for g in sambong().groups.all()} == shifts


def test_authority_follows_the_command_area(demo, wahyu):
    assert sambong().authority == "regency"
    assert Scheme.objects.get(code="di-kupang").authority == "province"
    scheme = services.scheme_save(
        actor=wahyu, partnership=demo.partnership, scheme=sambong(), command_area_ha=Decimal("3500")
    )
    assert scheme.authority == "central"


def test_the_ranking_changes_when_a_score_changes(demo, wahyu):
    ranking = [r.scheme.code for r in selectors.rehabilitation_ranking(wahyu, demo.partnership)]
    assert ranking[0] == "di-kramat"  # the lowest index
    kramat = Scheme.objects.get(code="di-kramat")
    services.iksi_record(
        actor=wahyu,
        scheme=kramat,
        assessed_on=kramat.latest_assessment().assessed_on.replace(year=2026),
        physical=Decimal(90),
        productivity=Decimal(90),
        facilities=Decimal(90),
        personnel=Decimal(90),
        documentation=Decimal(90),
        wua=Decimal(90),
    )
    after = [r.scheme.code for r in selectors.rehabilitation_ranking(wahyu, demo.partnership)]
    assert after[-1] == "di-kramat" and after != ranking


def test_iksi_weighs_components_by_the_regulation(demo):
    assessment = sambong().latest_assessment()
    # 0.45·62 + 0.15·70 + 0.10·55 + 0.15·60 + 0.05·50 + 0.10·58
    assert assessment.index == Decimal("61.20")


def test_observer_and_environment_officer_may_not_write(demo, observer, budi):
    before = db_snapshot("irrigation")
    for actor in (observer, budi):
        with pytest.raises(SisterCityError) as refused:
            services.rotation_group_shift(
                actor=actor, group=sambong().groups.get(code="I"), shift_half_months=2
            )
        assert refused.value.status == 403
    assert db_snapshot("irrigation") == before
    assert sambong().groups.get(code="I").shift_half_months == 0


def test_outsiders_get_404(demo, otto):
    with pytest.raises(Http404):
        services.rotation_group_shift(
            actor=otto, group=sambong().groups.get(code="I"), shift_half_months=2
        )


def _refused(call, message_part: str, language="en"):
    before = db_snapshot("irrigation", "auditlog")
    with translation.override(language), pytest.raises(SisterCityError) as refused:
        call()
    assert message_part in str(refused.value)
    assert db_snapshot("irrigation", "auditlog") == before
    return refused.value


def test_group_areas_over_the_scheme_are_refused(demo, wahyu):
    _refused(
        lambda: services.rotation_group_save(
            actor=wahyu, scheme=sambong(), code="IV", area_ha=Decimal("1")
        ),
        "more than the scheme's command area",
    )
    assert not RotationGroup.objects.filter(code="IV").exists()


@pytest.mark.parametrize("value", [Decimal("0"), Decimal("1.2")])
def test_an_efficiency_of_0_or_above_1_is_refused(demo, wahyu, value):
    _refused(
        lambda: services.scheme_save(
            actor=wahyu, partnership=demo.partnership, scheme=sambong(), primary_efficiency=value
        ),
        "must be above 0 and at most 1",
    )
    assert sambong().primary_efficiency == Decimal("0.900")


def test_a_latitude_beyond_90_is_refused(demo, wahyu):
    _refused(
        lambda: services.station_create(
            actor=wahyu,
            partnership=demo.partnership,
            code="X",
            name="X",
            latitude=Decimal("95"),
            longitude=Decimal("0"),
            elevation_m=Decimal("0"),
        ),
        "beyond ±90°",
    )


def test_the_demo_year_is_imported_with_missing_codes_as_empty(demo):
    station = sambong().station
    assert station.records.count() == 365
    day = station.records.get(date="2025-04-21")
    assert day.tmin is None and day.tmax is None and day.rh_mean is None
    assert station.records.filter(sunshine_hours=8888).count() == 0
    climate = selectors.station_climate(station)
    assert climate.gaps["sunshine_hours"][2] == 2  # 10 and 11 February
    assert climate.gaps["tmin"][7] == 1  # 21 April
    assert all(e is not None and 2.5 < e < 6 for e in climate.eto)


def test_reimporting_the_same_file_replaces_the_days(demo, wahyu):
    station = sambong().station
    count = services.climate_import_bmkg(actor=wahyu, station=station, content=FIXTURE.read_bytes())
    assert count == 365 and ClimateRecord.objects.filter(station=station).count() == 365


def test_messages_are_translated(demo, wahyu):
    error = _refused(
        lambda: services.scheme_save(
            actor=wahyu, partnership=demo.partnership, scheme=sambong(), primary_efficiency=0
        ),
        "",
        language="ja",
    )
    assert "効率" in str(error)


def test_a_model_check_names_the_field_it_concerns(demo):
    """``core.errors.full_clean`` keeps the field of the model's validation error, so that a
    page shows the refusal beside that input rather than above the form."""
    from sistercity.core.errors import full_clean

    group = RotationGroup(scheme=sambong(), code="IX", area_ha=Decimal("-5"))
    with translation.override("en"), pytest.raises(SisterCityError) as error:
        full_clean(group)
    assert error.value.field == "area_ha"
    assert "greater than or equal to 0" in str(error.value)
    assert not RotationGroup.objects.filter(code="IX").exists()


def test_a_model_check_about_the_whole_row_names_no_field(demo):
    from sistercity.core.errors import full_clean

    group = sambong().groups.first()
    twin = RotationGroup(scheme=group.scheme, code=group.code, area_ha=Decimal("1"))
    with pytest.raises(SisterCityError) as error:
        full_clean(twin)
    assert error.value.field is None
