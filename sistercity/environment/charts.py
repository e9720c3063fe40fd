"""Server-rendered SVG charts: a Sankey of material flows, stacked bars, and lines with
percentile bands. Nothing is loaded from elsewhere; the same SVG goes into the page and the
PDF report. Every text is escaped (``format_html``); every chart has a title for screen
readers, and the numbers are also in a table next to it.
"""

import math
from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from sistercity.core.templatetags.sistercity import number

PALETTE = {
    "recycling": "#1b9e77",
    "composting": "#66a61e",
    "anaerobic_digestion": "#a6d854",
    "rdf": "#e6ab02",
    "incineration": "#d95f02",
    "landfill_managed_anaerobic": "#7570b3",
    "landfill_managed_semi_aerobic": "#9e9ac8",
    "landfill_unmanaged_deep": "#6a3d9a",
    "landfill_unmanaged_shallow": "#b15928",
    "landfill_uncategorised": "#999999",
    "open_burning": "#e7298a",
    "uncollected": "#666666",
    "generated": "#3b6ea5",
}
SERIES_COLOURS = ["#3b6ea5", "#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"]
FONT = "font-family:'Noto Sans CJK JP','Noto Sans',sans-serif;font-size:11px"


def _fmt(value: float, digits: int = 0) -> str:
    return str(number(round(value, digits), digits))


def _ticks(top: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to at least ``top``."""
    if top <= 0 or not math.isfinite(top):
        return [0.0, 1.0]
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [step * i for i in range(int(math.ceil(top / step)) + 1)]


def _svg(width, height, title, test, body: list[str]) -> SafeString:
    head = format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" role="img" '
        'aria-label="{}" data-test="{}" class="chart" style="{};max-width:{}px">'
        "<title>{}</title>",
        width,
        height,
        title,
        test,
        FONT,
        width,
        title,
    )
    # format_html_join escapes any part that is not already safe markup.
    return format_html("{}{}</svg>", head, format_html_join("", "{}", ((part,) for part in body)))


def _legend(items: Sequence[tuple[str, str]], x: float, y: float, width: float) -> list[str]:
    parts: list[str] = []
    cx, cy = x, y
    for label, colour in items:
        size = 14 + 6.5 * len(str(label))
        if cx + size > x + width:
            cx, cy = x, cy + 15
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="10" height="10" fill="{}"/>'
                '<text x="{}" y="{}">{}</text>',
                round(cx, 1),
                round(cy - 9, 1),
                colour,
                round(cx + 13, 1),
                round(cy, 1),
                label,
            )
        )
        cx += size + 8
    return parts


def _legend_height(items, width) -> float:
    rows, cx = 1, 0.0
    for label, _colour in items:
        size = 14 + 6.5 * len(str(label)) + 8
        if cx + size > width:
            rows, cx = rows + 1, 0.0
        cx += size
    return rows * 15 + 6


def _axes(years, ticks, x, y, left, top, plot_w, plot_h, unit) -> list[str]:
    parts: list[str] = []
    for tick in ticks:
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#ddd"/>'
                '<text x="{}" y="{}" text-anchor="end">{}</text>',
                left,
                left + plot_w,
                round(y(tick), 1),
                round(y(tick), 1),
                left - 4,
                round(y(tick) + 4, 1),
                _fmt(tick, 0 if ticks[-1] >= 10 else 1),
            )
        )
    step = max(1, math.ceil(len(years) / 10))
    for i, year in enumerate(years):
        if i % step == 0 or i == len(years) - 1:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="middle">{}</text>',
                    round(x(i), 1),
                    top + plot_h + 14,
                    year,
                )
            )
    parts.append(format_html('<text x="4" y="{}">{}</text>', top - 6, unit))
    return parts


def line_chart(
    *,
    years: Sequence[int],
    series: Sequence[dict],
    title: str,
    unit: str,
    test: str,
    bands: Sequence[dict] = (),
    hlines: Sequence[dict] = (),
    width: int = 640,
    height: int = 260,
) -> SafeString:
    """Lines per year; ``bands`` are shaded areas between ``low`` and ``high`` (percentiles);
    ``hlines`` are horizontal reference lines (targets, capacities)."""
    legend = [(s["label"], s.get("colour", SERIES_COLOURS[i])) for i, s in enumerate(series)]
    legend += [(b["label"], b.get("colour", "#3b6ea5")) for b in bands]
    legend += [(h["label"], h.get("colour", "#c00")) for h in hlines]
    left, right = 72, 12
    top = 16 + _legend_height(legend, width - left - right)
    plot_w, plot_h = width - left - right, height - top - 24
    values = [v for s in series for v in s["values"] if v is not None]
    values += [v for b in bands for v in b["high"] if v is not None]
    values += [h["value"] for h in hlines if h["value"] is not None]
    ticks = _ticks(max(values, default=0.0) * 1.05)
    n = max(len(years) - 1, 1)

    def x(i):
        return left + plot_w * i / n

    def y(v):
        return top + plot_h - plot_h * (v / ticks[-1] if ticks[-1] else 0)

    body = _legend(legend, left, 14, plot_w)
    body += _axes(years, ticks, x, y, left, top, plot_w, plot_h, unit)
    for band in bands:
        upper = [f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(band["high"])]
        lower = [f"{x(i):.1f},{y(v):.1f}" for i, v in reversed(list(enumerate(band["low"])))]
        body.append(
            format_html(
                '<polygon points="{}" fill="{}" fill-opacity="0.2" data-band="{}"/>',
                " ".join(upper + lower),
                band.get("colour", "#3b6ea5"),
                band["label"],
            )
        )
    for h in hlines:
        body.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-dasharray="6 4"/>',
                left,
                left + plot_w,
                round(y(h["value"]), 1),
                round(y(h["value"]), 1),
                h.get("colour", "#c00"),
            )
        )
    for i, s in enumerate(series):
        points = [f"{x(j):.1f},{y(v):.1f}" for j, v in enumerate(s["values"]) if v is not None]
        body.append(
            format_html(
                '<polyline points="{}" fill="none" stroke="{}" stroke-width="2"{}/>',
                " ".join(points),
                s.get("colour", SERIES_COLOURS[i]),
                mark_safe(' stroke-dasharray="4 3"') if s.get("dashed") else "",
            )
        )
    return _svg(width, height, title, test, body)


def stacked_bars(
    *,
    years: Sequence[int],
    stacks: Sequence[dict],
    title: str,
    unit: str,
    test: str,
    width: int = 640,
    height: int = 280,
) -> SafeString:
    """One bar per year, stacked by ``stacks`` (each ``{"label", "values", "colour"}``)."""
    stacks = [s for s in stacks if any(v > 0 for v in s["values"])]
    legend = [(s["label"], s["colour"]) for s in stacks]
    left, right = 72, 12
    top = 16 + _legend_height(legend, width - left - right)
    plot_w, plot_h = width - left - right, height - top - 24
    totals = [sum(s["values"][i] for s in stacks) for i in range(len(years))]
    ticks = _ticks(max(totals, default=0.0) * 1.05)
    slot = plot_w / max(len(years), 1)

    def x(i):
        return left + slot * (i + 0.5)

    def y(v):
        return top + plot_h - plot_h * (v / ticks[-1] if ticks[-1] else 0)

    body = _legend(legend, left, 14, plot_w)
    body += _axes(years, ticks, x, y, left, top, plot_w, plot_h, unit)
    bar = slot * 0.7
    for i, year in enumerate(years):
        base = 0.0
        for s in stacks:
            v = s["values"][i]
            if v <= 0:
                continue
            body.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}">'
                    "<title>{} · {}: {}</title></rect>",
                    round(x(i) - bar / 2, 1),
                    round(y(base + v), 1),
                    round(bar, 1),
                    round(y(base) - y(base + v), 2),
                    s["colour"],
                    year,
                    s["label"],
                    _fmt(v),
                )
            )
            base += v
    return _svg(width, height, title, test, body)


def sankey(
    *,
    links: Sequence[dict],
    labels: dict[str, str],
    title: str,
    test: str,
    unit_divisor: float = 365.0,
    unit: str = "t/day",
    width: int = 640,
    height: int = 340,
) -> SafeString:
    """A layered Sankey: generated waste → the pathways its shares send it to → where the
    capacity overflow of a full facility goes. ``links`` are the engine's
    ``FlowResult.sankey_links(year)`` (tonnes per year; shown divided by ``unit_divisor``)."""
    depth = _sankey_depth(links)
    inflow: dict[str, float] = {}
    outflow: dict[str, float] = {}
    for link in links:
        outflow[link["source"]] = outflow.get(link["source"], 0.0) + link["tonnes"]
        inflow[link["target"]] = inflow.get(link["target"], 0.0) + link["tonnes"]
    nodes = [n for n in depth if inflow.get(n, 0) > 0 or outflow.get(n, 0) > 0]
    value = {n: max(inflow.get(n, 0.0), outflow.get(n, 0.0)) for n in nodes}
    columns = max((depth[n] for n in nodes), default=0) + 1
    node_w, gap, top, bottom = 12, 10, 10, 10
    label_room = 190
    span = width - label_room - node_w
    col_x = {c: 8 + (span * c / max(columns - 1, 1)) for c in range(columns)}
    total = max(
        (sum(value[n] for n in nodes if depth[n] == c) for c in range(columns)), default=0.0
    )
    most = max((sum(1 for n in nodes if depth[n] == c) for c in range(columns)), default=1)
    scale = (height - top - bottom - gap * (most - 1)) / total if total else 0.0
    y0: dict[str, float] = {}
    order = {name: i for i, name in enumerate(["generated", *labels])}
    for c in range(columns):
        cursor: float = top
        for n in sorted((n for n in nodes if depth[n] == c), key=lambda n: order.get(n, 99)):
            y0[n] = cursor
            cursor += value[n] * scale + gap
    out_offset = dict.fromkeys(nodes, 0.0)
    in_offset = dict.fromkeys(nodes, 0.0)
    body: list[str] = []
    for link in sorted(links, key=lambda lk: order.get(lk["target"], 99)):
        s, t, thickness = link["source"], link["target"], link["tonnes"] * scale
        if s not in y0 or t not in y0:
            continue
        xs, xt = col_x[depth[s]] + node_w, col_x[depth[t]]
        ys = y0[s] + out_offset[s]
        yt = y0[t] + in_offset[t]
        out_offset[s] += thickness
        in_offset[t] += thickness
        mid = (xs + xt) / 2
        path = (
            f"M{xs:.1f},{ys:.1f} C{mid:.1f},{ys:.1f} {mid:.1f},{yt:.1f} {xt:.1f},{yt:.1f} "
            f"L{xt:.1f},{yt + thickness:.1f} C{mid:.1f},{yt + thickness:.1f} "
            f"{mid:.1f},{ys + thickness:.1f} {xs:.1f},{ys + thickness:.1f} Z"
        )
        body.append(
            format_html(
                '<path d="{}" fill="{}" fill-opacity="0.45" data-link="{}-{}">'
                "<title>{} → {}: {} {}</title></path>",
                path,
                PALETTE.get(t if s == "generated" else s, "#999"),
                s,
                t,
                labels.get(s, s),
                labels.get(t, t),
                _fmt(link["tonnes"] / unit_divisor, 1),
                unit,
            )
        )
    for n in nodes:
        x, h = col_x[depth[n]], max(value[n] * scale, 1.0)
        body.append(_sankey_node(n, x, y0[n], node_w, h, labels, value[n] / unit_divisor, unit))
    return _svg(width, height, title, test, body)


def _sankey_depth(links: Sequence[dict]) -> dict[str, int]:
    """The column of each node: generated waste first, then its pathways, then where each
    full facility's overflow goes."""
    depth = {"generated": 0}
    for link in links:
        if link["source"] == "generated":
            depth[link["target"]] = max(depth.get(link["target"], 1), 1)
    for _ in range(len(links) + 1):  # overflow chains are acyclic (the engine checks)
        for link in links:
            if link["source"] != "generated":
                depth[link["target"]] = max(
                    depth.get(link["target"], 1), depth.get(link["source"], 1) + 1
                )
    return depth


def _sankey_node(
    n: str,
    x: float,
    y: float,
    node_w: int,
    h: float,
    labels: dict[str, str],
    shown: float,
    unit: str,
) -> SafeString:
    return format_html(
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" data-node="{}"/>'
        '<text x="{}" y="{}">{} · {} {}</text>',
        round(x, 1),
        round(y, 1),
        node_w,
        round(h, 1),
        PALETTE.get(n, "#999"),
        n,
        round(x + node_w + 4, 1),
        round(y + min(h / 2, 10) + 4, 1),
        labels.get(n, n),
        _fmt(shown, 1),
        unit,
    )
