"""The engine against published worked examples and a peer library.

1. FAO Irrigation and Drainage Paper 56 (Allen et al. 1998), chapter 3 and 4:
   - Example 17 (Bangkok, April, monthly): Tmax 34.8, Tmin 25.6 °C, ea 2.85 kPa, n 8.5 h,
     u2 2 m/s, 13°44'N, 2 m, G = 0.14 → Ra 38.06, Rs 22.65, Rn 14.33 MJ m-2 day-1, ETo 5.72 mm/day.
   - Example 18 (Uccle, Brussels, 6 July, daily): Tmax 21.5, Tmin 12.3 °C, RHmax 84, RHmin 63 %,
     10 km/h at 10 m, n 9.25 h, 50°48'N, 100 m → u2 2.078 m/s, Ra 41.09, Rs 22.07, Rn 13.28,
     es 1.997, ea 1.409 kPa, ETo 3.9 mm/day.
   - Example 20 (Lyon, July, temperature only): Tmax 26.6, Tmin 14.8 °C, 45°43'N, 200 m,
     u2 2 m/s, dewpoint ≈ Tmin → Ra 40.55, Rs = 0.16·√(Tmax−Tmin)·Ra ≈ 22.3, P 98.96 kPa
     (the inputs the FAO-56 example gives its Penman–Monteith step).
2. KP-01's land-preparation table (Van de Goor–Zijlstra), for S = 250 mm, T = 30 days:
   M = 5.0 → 11.1, 6.0 → 11.7, 7.0 → 12.3, 8.0 → 13.0, 9.0 → 13.6, 10.0 → 14.3, 11.0 → 15.0;
   T = 45 days: M = 5.0 → 8.4, 8.0 → 10.5, 11.0 → 12.8; S = 300 mm, T = 30: M = 5.0 → 12.7.
3. pyet (Vremec et al., https://github.com/pyet-org/pyet) on a year of tropical daily data.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pyet
import pytest

from sistercity.irrigation import waterneeds as wn


def test_fao56_example_18_daily_brussels():
    u2 = wn.wind_at_2m(10 / 3.6, 10)
    assert u2 == pytest.approx(2.078, abs=0.001)
    b = wn.eto_fao56_breakdown(
        tmax=21.5,
        tmin=12.3,
        lat_deg=50 + 48 / 60,
        elevation_m=100,
        doy=187,
        u2=u2,
        sunshine_hours=9.25,
        rh_max=84,
        rh_min=63,
    )
    assert b.ra == pytest.approx(41.09, abs=0.01)
    assert b.rs == pytest.approx(22.07, abs=0.01)
    assert b.rn == pytest.approx(13.28, abs=0.01)
    assert b.es == pytest.approx(1.997, abs=0.001)
    assert b.ea == pytest.approx(1.409, abs=0.001)
    assert round(b.eto, 1) == 3.9
    assert (b.radiation_method, b.humidity_method) == ("angstrom", "rh_max_min")


def test_fao56_example_17_monthly_bangkok():
    g = wn.soil_heat_flux_monthly(29.2, 31.2)  # March and May means of the example
    assert g == pytest.approx(0.14, abs=0.001)
    b = wn.eto_fao56_breakdown(
        tmax=34.8,
        tmin=25.6,
        lat_deg=13 + 44 / 60,
        elevation_m=2,
        doy=105,
        u2=2,
        sunshine_hours=8.5,
        ea=2.85,
        g=0.14,
    )
    assert b.ra == pytest.approx(38.06, abs=0.01)
    assert b.rs == pytest.approx(22.65, abs=0.01)
    assert b.rn == pytest.approx(14.33, abs=0.01)
    assert b.eto == pytest.approx(5.72, abs=0.01)


def test_fao56_example_20_temperature_only_uses_the_stated_rules():
    b = wn.eto_fao56_breakdown(
        tmax=26.6, tmin=14.8, lat_deg=45 + 43 / 60, elevation_m=200, doy=196, u2=2
    )
    assert wn.atmospheric_pressure(200) == pytest.approx(98.96, abs=0.01)
    assert b.ra == pytest.approx(40.55, abs=0.01)
    assert b.rs == pytest.approx(22.29, abs=0.01)
    assert b.ea == pytest.approx(wn.saturation_vapour_pressure(14.8))
    assert (b.radiation_method, b.humidity_method) == ("hargreaves", "tmin")
    # The same inputs through pyet's implementation of eq6.
    index = pd.DatetimeIndex(["2025-07-15"])

    def series(value: float) -> pd.Series:
        return pd.Series([value], index=index)

    peer = pyet.pm_fao56(
        series(20.7),
        series(2.0),
        rs=series(b.rs),
        tmax=series(26.6),
        tmin=series(14.8),
        ea=series(b.ea),
        elevation=200,
        lat=math.radians(45 + 43 / 60),
    )
    assert b.eto == pytest.approx(float(peer.iloc[0]), abs=0.01)


@pytest.mark.parametrize(
    ("m", "days", "s", "published"),
    [
        (5.0, 30, 250, 11.1),
        (6.0, 30, 250, 11.7),
        (7.0, 30, 250, 12.3),
        (8.0, 30, 250, 13.0),
        (9.0, 30, 250, 13.6),
        (10.0, 30, 250, 14.3),
        (11.0, 30, 250, 15.0),
        (5.0, 45, 250, 8.4),
        (8.0, 45, 250, 10.5),
        (11.0, 45, 250, 12.8),
        (5.0, 30, 300, 12.7),
    ],
)
def test_kp01_land_preparation_table(m, days, s, published):
    lp = wn.land_preparation(eo_plus_p=m, days=days, saturation_mm=s)
    assert round(lp, 1) == published


def _tropical_year(seed: int = 7) -> pd.DataFrame:
    """A year of daily weather shaped like the north coast of Central Java (6.9° S)."""
    rng = np.random.default_rng(seed)
    index = pd.date_range("2025-01-01", "2025-12-31", freq="D")
    season = np.cos(2 * np.pi * (index.dayofyear.to_numpy() - 15) / 365)  # +1 in January (wet)
    tmin = 23.5 + rng.normal(0, 0.6, len(index))
    tmax = tmin + 8.0 - 1.5 * season + rng.normal(0, 0.8, len(index))
    rh_max = np.clip(92 + 4 * season + rng.normal(0, 2, len(index)), 60, 100)
    rh_min = np.clip(rh_max - 25 + 8 * season + rng.normal(0, 3, len(index)), 30, rh_max)
    sunshine = np.clip(6.5 - 2.5 * season + rng.normal(0, 1.2, len(index)), 0, 11.5)
    u2 = np.clip(1.8 + rng.normal(0, 0.4, len(index)), 0.3, None)
    return pd.DataFrame(
        dict(tmin=tmin, tmax=tmax, rh_max=rh_max, rh_min=rh_min, sunshine=sunshine, u2=u2),
        index=index,
    )


def test_a_year_of_daily_eto_agrees_with_pyet():
    year = _tropical_year()
    lat, elevation = -6.91, 10.0
    ours = np.array(
        [
            wn.eto_fao56(
                tmax=r.tmax,
                tmin=r.tmin,
                lat_deg=lat,
                elevation_m=elevation,
                doy=day.dayofyear,
                u2=r.u2,
                sunshine_hours=r.sunshine,
                rh_max=r.rh_max,
                rh_min=r.rh_min,
            )
            for day, r in year.iterrows()
        ]
    )
    peer = pyet.pm_fao56(
        (year.tmax + year.tmin) / 2,
        year.u2,
        tmax=year.tmax,
        tmin=year.tmin,
        rhmax=year.rh_max,
        rhmin=year.rh_min,
        elevation=elevation,
        lat=math.radians(lat),
        n=year.sunshine,
    ).to_numpy()
    assert len(ours) == 365
    assert np.max(np.abs(ours - peer)) < 0.02
    assert 3.0 < ours.mean() < 5.5  # a plausible tropical lowland ETo


def test_a_year_of_hargreaves_agrees_with_pyet():
    year = _tropical_year(seed=11)
    lat = -6.91
    ours = np.array(
        [
            wn.eto_hargreaves(tmax=r.tmax, tmin=r.tmin, lat_deg=lat, doy=day.dayofyear)
            for day, r in year.iterrows()
        ]
    )
    peer = pyet.hargreaves(
        (year.tmax + year.tmin) / 2, year.tmax, year.tmin, lat=math.radians(lat)
    ).to_numpy()
    # pyet divides by the latent heat at the day's temperature (2.501 − 0.002361·T MJ/kg);
    # FAO-56 eq52 fixes it at 1/0.408 = 2.45, so the two differ by that ratio (≈ 0.6 %).
    latent = 2.501 - 0.002361 * (year.tmax + year.tmin).to_numpy() / 2
    assert np.max(np.abs(ours * 2.45 / latent - peer)) < 0.005
