"""BMKG's missing-value codes (8888 not measured, 9999 no data) are read as missing, never as
numbers, whichever way the cell carries them; the gaps are shown and filled only by the
stated methods."""

import datetime as dt
import io
import zipfile

import pytest
from django.urls import reverse
from openpyxl import Workbook

from sistercity.core.errors import SisterCityError
from sistercity.irrigation import selectors, services
from sistercity.irrigation.bmkg import read_bmkg
from sistercity.irrigation.climate import half_month_climate
from sistercity.irrigation.models import ClimateStation
from sistercity.testing import db_snapshot

HEADER = ["Tanggal", "Tn", "Tx", "Tavg", "RH_avg", "RR", "ss", "ff_x", "ddd_x", "ff_avg", "ddd_car"]


def workbook(rows) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(["ID WMO", ": ILU-BTG01"])
    ws.append(["Nama Stasiun", ": Pos Klimatologi Batang"])
    ws.append([])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def day(d: int, tn=23.5, tx=31.0, rh=82, rr=4.0, ss=6.0, ff=2.5) -> list:
    return [f"{d:02d}-01-2025", tn, tx, 27.0, rh, rr, ss, 5.0, 270, ff, "W"]


@pytest.mark.parametrize("code", [8888, 9999, 8888.0, "8888", "9999", "9999,0"])
def test_a_missing_code_in_any_column_is_read_as_missing(code):
    rows = [day(1), day(2, tx=code, rh=code, rr=code, ss=code, ff=code), day(3)]
    parsed = read_bmkg(workbook(rows))
    assert parsed.problems == []
    second = parsed.days[1]
    for name in ("tmax", "rh_mean", "rainfall_mm", "sunshine_hours", "wind_ms"):
        assert second[name] is None, name
    assert second["tmin"] == 23.5
    assert parsed.missing == 5
    assert all(v != float(str(code).replace(",", ".")) for d in parsed.days for v in d.values())


def test_a_missing_temperature_is_interpolated_and_counted_as_a_gap():
    rows = [day(1, tx=30.0), day(2, tx=8888), day(3, tx=32.0)]
    days = read_bmkg(workbook(rows)).days
    climate = half_month_climate(days, year=2025, lat_deg=-6.9, elevation_m=12, wind_height_m=10)
    assert climate.gaps["tmax"][0] == 1 and climate.total_gaps == 1
    assert climate.filled_days == 1
    assert climate.eto[0] is not None
    # The filled day is what linear interpolation gives (31 °C), not 8888 or a guess.
    with_31 = half_month_climate(
        read_bmkg(workbook([day(1, tx=30.0), day(2, tx=31.0), day(3, tx=32.0)])).days,
        year=2025,
        lat_deg=-6.9,
        elevation_m=12,
        wind_height_m=10,
    )
    assert climate.eto[0] == pytest.approx(with_31.eto[0])


def test_rainfall_is_scaled_from_the_measured_days_and_a_half_month_without_any_has_none():
    rows = [day(d, rr=9999 if d == 2 else 6.0) for d in range(1, 4)]
    rows += [
        [f"{d:02d}-01-2025", 23.5, 31.0, 27, 82, 8888, 6.0, 5.0, 270, 2.5, "W"] for d in (16, 17)
    ]
    climate = half_month_climate(
        read_bmkg(workbook(rows)).days, year=2025, lat_deg=-6.9, elevation_m=12, wind_height_m=10
    )
    # 1–15 January: 12 mm on 2 measured days, scaled to the 15 days of the half-month.
    assert climate.rainfall[0] == pytest.approx(12.0 * 15 / 2)
    assert climate.rainfall[1] is None  # 16–31 January: no measured day, no total
    assert climate.gaps["rainfall_mm"][:2] == [1, 2]


def test_a_column_never_measured_falls_back_to_the_fao56_rule_and_says_so():
    rows = [day(d, ss=8888) for d in range(1, 6)]
    climate = half_month_climate(
        read_bmkg(workbook(rows)).days, year=2025, lat_deg=-6.9, elevation_m=12, wind_height_m=10
    )
    assert climate.never_measured == ["sunshine_hours"]
    assert climate.eto[0] is not None  # radiation from the temperature range (FAO-56 eq50)


@pytest.mark.django_db
def test_the_station_page_shows_the_gaps_and_the_methods(demo, wahyu, client_for):
    station = ClimateStation.objects.get(code="ILU-BTG01")
    rows = [day(d, tx=8888 if d == 2 else 31.0, ss=9999) for d in range(1, 4)]
    services.climate_import_bmkg(actor=wahyu, station=station, content=workbook(rows))
    # The demo year stays the latest; look at January 2025 where the file replaced three days.
    climate = selectors.station_climate(station)
    assert climate.year == 2025
    page = client_for(wahyu).get(
        reverse(
            "irrigation:station", kwargs={"slug": "batang-toyama", "code": station.code}
        ).replace("/id/", "/en/", 1)
    )
    html = page.content.decode()
    assert f'data-test="gaps" data-count="{climate.total_gaps}"' in html
    assert f'data-test="filled" data-count="{climate.filled_days}"' in html
    assert "(Tx 1, ss 3)" in html  # 1–15 January, by BMKG column
    assert "linear interpolation between the nearest measured days" in html
    assert station.records.get(date=dt.date(2025, 1, 2)).tmax is None
    assert not station.records.filter(tmax=8888).exists()
    assert not station.records.filter(sunshine_hours=9999).exists()


def test_a_workbook_that_unpacks_to_far_too_much_is_refused_unread(settings):
    # A "zip bomb": a few kilobytes that would unpack to megabytes of rows.
    settings.IMPORT_MAX_BYTES = 1024
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "<row/>" * 200_000)
    with pytest.raises(SisterCityError) as refused:
        read_bmkg(buffer.getvalue())
    assert refused.value.code == "file_too_large"


def test_a_bmkg_file_over_the_limit_is_refused_in_words(demo, wahyu, settings):
    settings.IMPORT_MAX_BYTES = 1024
    station = ClimateStation.objects.first()
    before = db_snapshot()
    with pytest.raises(SisterCityError) as refused:
        services.climate_import_bmkg(
            actor=wahyu, station=station, content=workbook([day(d) for d in range(1, 29)])
        )
    assert refused.value.code == "file_too_large"
    assert db_snapshot() == before
