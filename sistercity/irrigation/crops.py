"""Crop coefficients and the cropping pattern, as data with their sources.

Kc per half-month after planting (transplanting for paddy), the values KP-01 tabulates
(Standar Perencanaan Irigasi KP-01, Bagian Perencanaan Jaringan Irigasi, tables of "harga
koefisien tanaman padi dan palawija", after Nedeco/Prosida and FAO Irrigation and Drainage
Paper 24). Paddy's land preparation is 30 days with S = 250 mm (200 mm to saturate plus the
50 mm layer after transplanting, KP-01); palawija's is 50 mm over 15 days (KP-01 practice).
"""

from __future__ import annotations

from sistercity.irrigation.waterneeds import Crop, Season

KP01 = "KP-01 (Ditjen SDA, Standar Perencanaan Irigasi), tabel koefisien tanaman"

CROPS: dict[str, Crop] = {
    # Improved paddy variety (varietas unggul), FAO column of KP-01: 3 months of growth.
    "paddy": Crop(
        code="paddy",
        kc=(1.10, 1.10, 1.05, 1.05, 0.95, 0.00),
        paddy=True,
        land_prep_half_months=2,
        land_prep_mm=250.0,
        source=KP01 + " — padi varietas unggul (FAO)",
    ),
    # Ordinary paddy variety (varietas biasa), Nedeco/Prosida column of KP-01: 4 months.
    "paddy_ordinary": Crop(
        code="paddy_ordinary",
        kc=(1.20, 1.20, 1.32, 1.40, 1.35, 1.24, 1.12, 0.00),
        paddy=True,
        land_prep_half_months=2,
        land_prep_mm=250.0,
        source=KP01 + " — padi varietas biasa (Nedeco/Prosida)",
    ),
    "maize": Crop(
        code="maize",
        kc=(0.50, 0.59, 0.96, 1.05, 1.02, 0.95),
        paddy=False,
        land_prep_half_months=1,
        land_prep_mm=50.0,
        source=KP01 + " — jagung (80 hari)",
    ),
    "soybean": Crop(
        code="soybean",
        kc=(0.50, 0.75, 1.00, 1.00, 0.82, 0.45),
        paddy=False,
        land_prep_half_months=1,
        land_prep_mm=50.0,
        source=KP01 + " — kedelai (85 hari)",
    ),
    "groundnut": Crop(
        code="groundnut",
        kc=(0.50, 0.51, 0.66, 0.85, 0.95, 0.95, 0.95, 0.55, 0.55),
        paddy=False,
        land_prep_half_months=1,
        land_prep_mm=50.0,
        source=KP01 + " — kacang tanah (130 hari)",
    ),
}


def paddy_paddy_palawija(start: int = 20, palawija: str = "maize") -> list[Season]:
    """The usual north-coast Java pattern: wet-season paddy (land preparation from ``start``,
    a half-month index; 20 = 1–15 November), dry-season paddy right after, then palawija.
    """
    first = Season(CROPS["paddy"], start)
    second = Season(CROPS["paddy"], start + first.half_months())
    third = Season(CROPS[palawija], start + first.half_months() + second.half_months())
    return [first, second, third]
