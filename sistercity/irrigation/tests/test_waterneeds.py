"""The KP-01 chain: effective rainfall, NFR, DR, scheme demand, rotation and micro-hydro."""

from __future__ import annotations

import pytest

from sistercity.irrigation import waterneeds as wn
from sistercity.irrigation.crops import CROPS, paddy_paddy_palawija


def _inputs(eto=4.0, re_paddy=0.0, re_palawija=0.0, **kw) -> wn.SchemeInputs:
    return wn.SchemeInputs(
        eto=[eto] * 24, re_paddy=[re_paddy] * 24, re_palawija=[re_palawija] * 24, **kw
    )


def test_dependable_rainfall_is_the_weibull_80_percent_value():
    # Ten years, ranked from the largest: position 0.8·11 = 8.8 → between the 8th and 9th.
    totals = [100, 90, 80, 70, 60, 50, 40, 30, 20, 10]
    assert wn.dependable_rainfall(totals) == pytest.approx(30 - 0.8 * 10)
    assert wn.dependable_rainfall(totals, 0.5) == pytest.approx(55)
    assert wn.dependable_rainfall([42.0]) == 42.0  # one year: that year, the safe side


def test_effective_rainfall_paddy_is_70_percent_of_r80_per_day():
    assert wn.effective_rainfall_paddy(150.0, 15) == pytest.approx(7.0)


def test_nfr_during_growth_is_etc_plus_percolation_minus_re_plus_wlr():
    seasons = [wn.Season(CROPS["paddy"], 0)]
    needs = wn.group_needs(seasons, _inputs(eto=4.0, re_paddy=1.0, percolation=2.0))
    lp = wn.land_preparation(eo_plus_p=1.1 * 4.0 + 2.0, days=30, saturation_mm=250)
    assert [n.activity for n in needs[:2]] == ["lp", "lp"]
    assert needs[0].nfr == pytest.approx(lp - 1.0)
    first_growth = needs[2]  # kc 1.10
    assert first_growth.etc == pytest.approx(4.4)
    assert first_growth.nfr == pytest.approx(4.4 + 2.0 - 1.0)
    wlr_half = needs[4]  # two half-months after planting: the layer is replaced
    assert wlr_half.wlr == pytest.approx(50 / 15)
    assert wlr_half.nfr == pytest.approx(1.05 * 4 + 2 - 1 + 50 / 15)
    assert needs[7].kc == 0 and needs[7].dr == 0  # ripening, drained: rain only
    assert needs[8].activity == ""  # fallow after harvest
    assert first_growth.dr == pytest.approx(first_growth.nfr / (0.65 * 8.64))


def test_palawija_nfr_is_etc_minus_re_and_never_negative_at_the_intake():
    seasons = [wn.Season(CROPS["maize"], 0)]
    needs = wn.group_needs(seasons, _inputs(eto=4.0, re_palawija=3.0))
    assert needs[0].nfr == pytest.approx(50 / 15 - 3.0)
    assert needs[1].nfr == pytest.approx(0.5 * 4 - 3.0)
    assert needs[1].dr == 0.0


def test_overall_efficiency_is_the_product_of_canal_levels():
    assert wn.overall_efficiency(0.8, 0.9, 0.9) == pytest.approx(0.648)


def test_the_pattern_fills_23_half_months_and_shifts_wrap_around_the_year():
    seasons = paddy_paddy_palawija(start=20)
    needs = wn.group_needs(seasons, _inputs(), shift=3)
    assert sum(1 for n in needs if n.activity) == 23
    assert needs[(20 + 3) % 24].activity == "lp"


def test_scheme_demand_sums_groups_by_area_and_names_deficit_half_months():
    seasons = [wn.Season(CROPS["paddy"], 0)]
    groups = [wn.Group("I", 100.0), wn.Group("II", 50.0)]
    inputs = _inputs()
    demand = wn.scheme_demand(seasons, groups, inputs, [0.2] * 24)
    one = wn.group_needs(seasons, inputs)
    assert demand.intake_m3s[2] == pytest.approx(one[2].dr * 150 / 1000)
    assert demand.deficit_half_months == [h for h in range(24) if demand.intake_m3s[h] > 0.2]
    assert 0 in demand.deficit_half_months  # land preparation of 150 ha needs > 0.2 m³/s


def test_rotation_staggers_groups_until_the_peak_fits_and_names_what_cannot():
    seasons = paddy_paddy_palawija(start=20)
    groups = [wn.Group("I", 100.0), wn.Group("II", 100.0), wn.Group("III", 100.0)]
    inputs = _inputs(eto=4.5, re_paddy=1.0, re_palawija=1.0)
    together = wn.scheme_demand(seasons, groups, inputs, [0.6] * 24)
    assert together.deficit_half_months  # all three preparing land at once exceeds 0.6 m³/s
    plan = wn.plan_rotation(seasons, groups, inputs, [0.6] * 24, max_shift=2)
    assert plan.unavoidable_deficits == []
    assert plan.demand.peak_m3s < together.peak_m3s
    assert sorted(plan.shifts.values()) == [0, 1, 2]
    starved = wn.plan_rotation(seasons, groups, inputs, [0.05] * 24, max_shift=2)
    assert starved.unavoidable_deficits  # no shift makes 0.05 m³/s enough
    assert set(starved.unavoidable_deficits) <= set(range(24))


def test_group_areas_may_not_exceed_the_scheme():
    wn.check_group_areas([wn.Group("I", 60), wn.Group("II", 40)], 100)
    with pytest.raises(wn.WaterNeedsError) as error:
        wn.check_group_areas([wn.Group("I", 60), wn.Group("II", 41)], 100)
    assert error.value.code == "group_area_exceeds_scheme"


def test_micro_hydro_power_and_annual_energy():
    assert wn.hydro_power_kw(flow_m3s=1.0, head_m=3.0, efficiency=0.7) == pytest.approx(20.601)
    # Constant 1 m³/s all year: P × 8760 h.
    flat = [(0.0, 1.0), (100.0, 1.0)]
    assert wn.annual_energy_kwh(flow_duration=flat, head_m=3, efficiency=0.7) == pytest.approx(
        20.601 * 8760
    )
    # Linear from 2 to 0 m³/s: mean 1; a design flow of 1 caps the upper half → mean 0.75.
    ramp = [(0.0, 2.0), (100.0, 0.0)]
    capped = wn.annual_energy_kwh(flow_duration=ramp, head_m=3, efficiency=0.7, design_flow_m3s=1.0)
    assert capped == pytest.approx(20.601 * 0.75 * 8760)
    drops = [wn.Drop("low", 1.0, tuple(flat)), wn.Drop("high", 4.0, tuple(flat))]
    assert [d.code for d, _ in wn.rank_drops(drops)] == ["high", "low"]


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (
            lambda: wn.eto_fao56(tmax=20, tmin=25, lat_deg=0, elevation_m=0, doy=1, u2=2),
            "tmin_above_tmax",
        ),
        (
            lambda: wn.eto_fao56(
                tmax=30, tmin=20, lat_deg=0, elevation_m=0, doy=1, u2=2, rh_max=101, rh_min=50
            ),
            "humidity_range",
        ),
        (
            lambda: wn.eto_fao56(tmax=30, tmin=20, lat_deg=91, elevation_m=0, doy=1, u2=2),
            "latitude_range",
        ),
        (
            lambda: wn.eto_fao56(tmax=8888, tmin=20, lat_deg=0, elevation_m=0, doy=1, u2=2),
            "missing_code",
        ),
        (lambda: wn.dependable_rainfall([10.0, -1.0]), "negative_rainfall"),
        (lambda: wn.dependable_rainfall([9999.0]), "missing_code"),
        (lambda: wn.diversion_requirement(5.0, 0.0), "efficiency_range"),
        (lambda: wn.overall_efficiency(0.8, 1.2, 0.9), "efficiency_range"),
        (lambda: wn.land_preparation(eo_plus_p=5, days=0, saturation_mm=250), "days_range"),
    ],
)
def test_bad_input_is_refused_with_its_code(call, code):
    with pytest.raises(wn.WaterNeedsError) as error:
        call()
    assert error.value.code == code
