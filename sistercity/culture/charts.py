"""Visitor figures as a table and as bar charts (server-drawn SVG, no JavaScript): one series
per city and origin, one bar per month."""

from collections.abc import Iterable
from typing import Any

BAR_WIDTH = 28
GAP = 8
HEIGHT = 120


def visitor_series(figures: Iterable[Any]) -> dict[str, Any]:
    """``{"months": [...], "series": [{"city", "origin", "label", "values", "bars"}]}``."""
    months: set[Any] = set()
    by_series: dict[tuple[int, str], dict[str, Any]] = {}
    for figure in figures:
        months.add(figure.month)
        series = by_series.setdefault(
            (figure.city_id, figure.origin),
            {
                "city": figure.city,
                "origin": figure.get_origin_display(),
                "values": {},
                "sources": set(),
            },
        )
        series["values"][figure.month] = figure.visitors
        series["sources"].add(figure.source)
    ordered = sorted(months)
    result = []
    for series in by_series.values():
        values = [series["values"].get(month) for month in ordered]
        top = max((v for v in values if v is not None), default=0) or 1
        bars = []
        for index, (month, value) in enumerate(zip(ordered, values, strict=True)):
            height = 0 if value is None else round(HEIGHT * value / top)
            bars.append(
                {
                    "x": index * (BAR_WIDTH + GAP),
                    "y": HEIGHT - height,
                    "height": height,
                    "month": month,
                    "value": value,
                }
            )
        result.append(
            {
                **series,
                "sources": sorted(series["sources"]),
                "row": values,
                "bars": bars,
                "width": len(ordered) * (BAR_WIDTH + GAP),
                "bar_width": BAR_WIDTH,
                "height": HEIGHT,
            }
        )
    return {"months": ordered, "series": result}
