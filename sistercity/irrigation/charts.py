"""Server-rendered SVG charts by half-month (bars and lines), like the waste pages': nothing
loaded from elsewhere, the same SVG in the page and the PDF, every text escaped, a title for
screen readers, and the numbers in a table beside each chart."""

from __future__ import annotations

import math
from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from sistercity.core.templatetags.sistercity import number
from sistercity.irrigation.choices import half_month_label

FONT = "font-family:'Noto Sans CJK JP','Noto Sans',sans-serif;font-size:10px"
WIDTH, HEIGHT, LEFT, TOP, RIGHT, BOTTOM = 760, 260, 52, 26, 12, 46
DEFICIT = "#c0392b"
Series = tuple[str, Sequence[float | None], str]  # label, 24 values, colour


def _ticks(top: float, count: int = 5) -> list[float]:
    if top <= 0 or not math.isfinite(top):
        return [0.0, 1.0]
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [step * i for i in range(int(math.ceil(top / step)) + 1)]


def _axes(ticks: list[float], unit: str, y, plot_w: float) -> list[str]:
    parts: list[str] = []
    for tick in ticks:
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#ddd"/>'
                '<text x="{}" y="{}" text-anchor="end">{}</text>',
                LEFT,
                LEFT + plot_w,
                round(y(tick), 1),
                round(y(tick), 1),
                LEFT - 4,
                round(y(tick) + 3, 1),
                number(tick, 2 if ticks[-1] < 5 else 0),
            )
        )
    parts.append(format_html('<text x="4" y="{}">{}</text>', TOP - 10, unit))
    step = plot_w / 24
    for h in range(0, 24, 2):
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle">{}</text>',
                round(LEFT + step * (h + 1), 1),
                HEIGHT - BOTTOM + 14,
                half_month_label(h)[:-2],
            )
        )
    return parts


def half_month_chart(
    *,
    title: str,
    test: str,
    unit: str,
    bars: Sequence[Series] = (),
    lines: Sequence[Series] = (),
    deficits: Sequence[int] = (),
) -> SafeString:
    """Bars (side by side) and lines over the 24 half-months; ``deficits`` are outlined red."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    values = [v for _, series, _ in (*bars, *lines) for v in series if v is not None]
    ticks = _ticks(max(values, default=1.0) * 1.05)

    def y(v: float) -> float:
        return TOP + plot_h - v / ticks[-1] * plot_h

    step = plot_w / 24
    parts = _axes(ticks, unit, y, plot_w)
    width = step * 0.8 / max(len(bars), 1)
    for b, (label, series, colour) in enumerate(bars):
        for h, v in enumerate(series):
            if v is None:
                continue
            x = LEFT + step * h + step * 0.1 + b * width
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" data-half-month="{}"'
                    "{}><title>{} {}: {}</title></rect>",
                    round(x, 1),
                    round(y(v), 1),
                    round(width, 1),
                    round(y(0) - y(v), 1),
                    colour,
                    h,
                    format_html(' stroke="{}" stroke-width="2" data-deficit="1"', DEFICIT)
                    if h in deficits and b == 0
                    else "",
                    label,
                    half_month_label(h),
                    number(v, 2),
                )
            )
    for label, series, colour in lines:
        points = " ".join(
            f"{round(LEFT + step * (h + 0.5), 1)},{round(y(v), 1)}"
            for h, v in enumerate(series)
            if v is not None
        )
        parts.append(
            format_html(
                '<polyline points="{}" fill="none" stroke="{}" stroke-width="2" data-line="{}"/>',
                points,
                colour,
                label,
            )
        )
    legend_x = LEFT
    for label, _, colour in (*bars, *lines):
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="10" height="10" fill="{}"/>'
                '<text x="{}" y="{}">{}</text>',
                legend_x,
                HEIGHT - 16,
                colour,
                legend_x + 13,
                HEIGHT - 7,
                label,
            )
        )
        legend_x += 24 + 6 * len(str(label))
    head = format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" role="img" '
        'aria-label="{}" data-test="{}" class="chart" style="{};max-width:{}px"><title>{}</title>',
        WIDTH,
        HEIGHT,
        title,
        test,
        FONT,
        WIDTH,
        title,
    )
    return format_html("{}{}</svg>", head, format_html_join("", "{}", ((p,) for p in parts)))
