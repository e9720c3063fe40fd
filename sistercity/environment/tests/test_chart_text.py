"""Charts for every language: legend entries are measured in the font they are set in, so a
Japanese legend wraps instead of running into its neighbour and never leaves the drawing; a
percentile band's legend swatch is the band's own translucent colour."""

import lxml.etree
import pytest

from sistercity.core.textwidth import text_width
from sistercity.environment import charts

JA_SERIES = ["富山型プラン（分別・リサイクル重視）", "現状維持（埋立中心）", "中央値"]
JA_HLINES = [("削減目標 30 %", 30.0), ("処理目標 70 %", 70.0)]
YEARS = list(range(2026, 2046))


def legend_entries(svg: str):
    root = lxml.etree.fromstring(str(svg).encode())
    width = float(root.get("viewBox").split()[2])
    entries = [
        (float(t.get("x")), float(t.get("y")), t.get("data-legend"))
        for t in root.iter("{http://www.w3.org/2000/svg}text")
        if t.get("data-legend")
    ]
    return root, width, entries


@pytest.mark.parametrize("labels", [JA_SERIES, ["Toyama-style plan (separation first)", "Today"]])
def test_legend_entries_never_overlap_or_leave_the_chart(labels):
    svg = charts.line_chart(
        years=YEARS,
        series=[{"label": label, "values": [float(i) for i in range(20)]} for label in labels],
        bands=[{"label": "5–95 パーセンタイル", "low": [0.0] * 20, "high": [30.0] * 20}],
        hlines=[{"label": label, "value": value} for label, value in JA_HLINES],
        title="t",
        unit="%",
        test="t",
    )
    _root, width, entries = legend_entries(svg)
    assert len(entries) == len(labels) + 3
    rows: dict[float, list] = {}
    for x, y, label in entries:
        rows.setdefault(y, []).append((x, label))
    assert len(rows) > 1  # the long Japanese names do not fit one row: they wrap
    for row in rows.values():
        row.sort()
        for (x, label), (next_x, _next) in zip(row, row[1:], strict=False):
            end = x + text_width(label, charts.FONT_SIZE)
            assert end + charts.SWATCH <= next_x, (label, end, next_x)  # next swatch is clear
        last_x, last_label = row[-1]
        assert last_x + text_width(last_label, charts.FONT_SIZE) <= width


def test_the_band_swatch_is_the_bands_own_colour():
    svg = charts.line_chart(
        years=YEARS,
        series=[{"label": "median", "values": [1.0] * 20}],
        bands=[{"label": "5th–95th percentile", "low": [0.5] * 20, "high": [1.5] * 20}],
        title="t",
        unit="t",
        test="t",
    )
    root, _width, _entries = legend_entries(svg)
    ns = "{http://www.w3.org/2000/svg}"
    band = next(p for p in root.iter(f"{ns}polygon") if p.get("data-band"))
    swatch = next(r for r in root.iter(f"{ns}rect") if r.get("data-swatch") == "band")
    assert swatch.get("fill") == band.get("fill")
    assert swatch.get("fill-opacity") == band.get("fill-opacity")


def test_japanese_text_is_measured_wider_than_latin():
    # Seven full-width characters take about as much room as twelve Latin letters.
    assert text_width("富山型プラン案", 14) > text_width("Toyama plan", 14)
    assert text_width("富山型プラン案", 14) == pytest.approx(7 * 14, rel=0.05)
