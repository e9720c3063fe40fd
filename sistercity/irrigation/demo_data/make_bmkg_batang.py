"""Writes ``bmkg_batang_2025.xlsx``: an illustrative year of daily weather for Batang in BMKG's
Data Online layout (run once; the file is committed). The numbers are synthetic, shaped by the
north coast of Central Java: a wet season November–March (about 2 500 mm a year), a dry
July–September, Tmax 30–33 °C, Tmin 23–24 °C. A few cells carry BMKG's 8888 and 9999 codes so
the import, the gap display and the stated filling are exercised.

    .venv/bin/python sistercity/irrigation/demo_data/make_bmkg_batang.py
"""

import datetime as dt
from pathlib import Path

import numpy as np
from openpyxl import Workbook

MONTHLY_RAIN = [420, 380, 300, 200, 130, 90, 60, 40, 60, 130, 250, 350]
RAIN_DAYS = [22, 20, 18, 14, 10, 7, 5, 4, 5, 10, 16, 21]


def main() -> None:
    rng = np.random.default_rng(2025)
    wb = Workbook()
    ws = wb.active
    ws.title = "Data Harian - Table"
    for label, value in (
        ("ID Stasiun", ": ILU-BTG01"),
        ("Nama Stasiun", ": Pos Klimatologi Batang (ilustrasi)"),
        ("Lintang", ": -6.91"),
        ("Bujur", ": 109.73"),
        ("Elevasi", ": 12"),
    ):
        ws.append([label, value])
    ws.append([])
    ws.append(
        ["Tanggal", "Tn", "Tx", "Tavg", "RH_avg", "RR", "ss", "ff_x", "ddd_x", "ff_avg", "ddd_car"]
    )
    day = dt.date(2025, 1, 1)
    while day.year == 2025:
        m = day.month - 1
        season = np.cos(2 * np.pi * (day.timetuple().tm_yday - 15) / 365)  # +1 mid-January
        days_in_month = 31 if m in (0, 2, 4, 6, 7, 9, 11) else (28 if m == 1 else 30)
        wet = rng.random() < RAIN_DAYS[m] / days_in_month
        rain = round(float(rng.gamma(0.9, MONTHLY_RAIN[m] / RAIN_DAYS[m] / 0.9)), 1) if wet else 0
        tmin = round(23.6 + 0.3 * season + float(rng.normal(0, 0.5)), 1)
        tmax = round(tmin + 8.2 - 1.6 * season - (1.0 if wet else 0) + float(rng.normal(0, 0.6)), 1)
        rh = round(min(97.0, 79 + 6 * season + (4 if wet else 0) + float(rng.normal(0, 2))))
        ss = round(
            min(
                11.0, max(0.0, 6.2 - 2.4 * season - (1.5 if wet else 0) + float(rng.normal(0, 1.0)))
            ),
            1,
        )
        ff = round(max(0.5, 2.6 + 0.5 * season + float(rng.normal(0, 0.5))), 1)
        row: list[object] = [
            day.strftime("%d-%m-%Y"),
            tmin,
            tmax,
            round((tmin + tmax) / 2, 1),
            rh,
            rain,
            ss,
            round(ff * 2.2, 1),
            270,
            ff,
            "W",
        ]
        if (day.month, day.day) in ((2, 10), (2, 11), (8, 5)):
            row[6] = 8888  # sunshine recorder down: not measured
        if (day.month, day.day) in ((4, 21), (10, 3)):
            row[1] = row[2] = row[3] = row[4] = 9999  # station not read
        if (day.month, day.day) == (12, 25):
            row[5] = 8888
        ws.append(row)
        day += dt.timedelta(days=1)
    ws.append([])
    ws.append(["KETERANGAN :"])
    for line in (
        "8888: data tidak terukur",
        "9999: Tidak Ada Data (tidak dilakukan pengukuran)",
        "Tn: Temperatur minimum (°C)",
        "Tx: Temperatur maksimum (°C)",
        "Tavg: Temperatur rata-rata (°C)",
        "RH_avg: Kelembapan rata-rata (%)",
        "RR: Curah hujan (mm)",
        "ss: Lamanya penyinaran matahari (jam)",
        "ff_x: Kecepatan angin maksimum (m/s)",
        "ddd_x: Arah angin saat kecepatan maksimum (°)",
        "ff_avg: Kecepatan angin rata-rata (m/s)",
        "ddd_car: Arah angin terbanyak (°)",
    ):
        ws.append([line])
    wb.save(Path(__file__).with_name("bmkg_batang_2025.xlsx"))


if __name__ == "__main__":
    main()
