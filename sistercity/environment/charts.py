"""Server-rendered SVG charts: a Sankey of material flows, stacked bars, and lines with
percentile bands. Nothing is loaded from elsewhere; the same SVG goes into the page and the
PDF report. Every text is escaped (``format_html``); every chart has a title for screen
readers, and the numbers are also in a table next to it.

Text is measured with the font it is set in (``core.textwidth``: the shipped Noto Sans CJK JP),
so a Japanese legend wraps where it really ends instead of running into the next entry. Charts
are drawn 520 units wide with 14-unit text: 14 px on a desk, still about 10 px on a 390 px
phone, where the drawing shrinks to the screen.
"""

import math
from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from sistercity.core.templatetags.sistercity import number
from sistercity.core.textwidth import text_width

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
FONT_SIZE = 14
FONT = f"font-family:'Noto Sans CJK JP','Noto Sans',sans-serif;font-size:{FONT_SIZE}px"
WIDTH = 520
LINE = FONT_SIZE + 6  # one row of legend
SWATCH, PAD = 12, 14  # swatch size; space between legend entries


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


def _swatch(kind: str, colour: str, x: float, y: float) -> SafeString:
    """What a legend entry shows, drawn as the chart draws it: a box (bars), a line (series),
    a dashed line (reference lines) or a translucent band (percentile bands)."""
    top = round(y - SWATCH + 2, 1)
    if kind == "band":
        return format_html(
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" fill-opacity="0.2" '
            'stroke="{}" stroke-opacity="0.4" data-swatch="band"/>',
            round(x, 1), top, SWATCH, SWATCH, colour, colour,
        )  # fmt: skip
    if kind in ("line", "dash"):
        dash = mark_safe(' stroke-dasharray="4 3"') if kind == "dash" else ""
        mid = round(y - SWATCH / 2 + 2, 1)
        return format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="2"{}/>',
            round(x, 1), round(x + SWATCH, 1), mid, mid, colour, dash,
        )  # fmt: skip
    return format_html(
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
        round(x, 1), top, SWATCH, SWATCH, colour,
    )  # fmt: skip


def _entry_width(label: str) -> float:
    return SWATCH + 4 + text_width(str(label), FONT_SIZE) + PAD


def _legend_rows(items: Sequence[tuple], width: float) -> list[list[tuple]]:
    """The entries in rows that fit ``width``, each entry measured in the chart's font."""
    rows: list[list[tuple]] = [[]]
    used = 0.0
    for item in items:
        size = _entry_width(item[0])
        if rows[-1] and used + size > width:
            rows.append([])
            used = 0.0
        rows[-1].append(item)
        used += size
    return rows


def _legend(items: Sequence[tuple], x: float, y: float, width: float) -> list[str]:
    """``items`` are (label, colour) or (label, colour, kind); see ``_swatch``."""
    parts: list[str] = []
    for row_index, row in enumerate(_legend_rows(items, width)):
        cx, cy = x, y + row_index * LINE
        for label, colour, *kind in row:
            parts.append(_swatch(kind[0] if kind else "box", colour, cx, cy))
            parts.append(
                format_html(
                    '<text x="{}" y="{}" data-legend="{}">{}</text>',
                    round(cx + SWATCH + 4, 1),
                    round(cy, 1),
                    label,
                    label,
                )
            )
            cx += _entry_width(label)
    return parts


def _legend_height(items, width) -> float:
    return len(_legend_rows(items, width)) * LINE + 6


def _left_margin(ticks: Sequence[float]) -> float:
    """Room for the widest tick label."""
    digits = 0 if ticks[-1] >= 10 else 1
    return max(text_width(_fmt(t, digits), FONT_SIZE) for t in ticks) + 10


def _year_anchor(is_last: bool, at: float, text: str, edge: float) -> str:
    """The last year ends at the plot's edge instead of running past the drawing."""
    return "end" if is_last and at + text_width(text, FONT_SIZE) / 2 > edge else "middle"


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
    step = max(1, math.ceil(len(years) / 7))  # years wide enough apart in 14-unit text
    last = len(years) - 1
    for i, year in enumerate(years):
        # Every step-th year and the last, unless the last is too close to the one before.
        if (i % step == 0 and (i == last or last - i >= step * 0.6)) or i == last:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="{}">{}</text>',
                    round(x(i), 1),
                    top + plot_h + FONT_SIZE + 4,
                    _year_anchor(i == last, x(i), str(year), left + plot_w),
                    year,
                )
            )
    parts.append(format_html('<text x="4" y="{}">{}</text>', top - 8, unit))
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
    width: int = WIDTH,
    height: int = 300,
) -> SafeString:
    """Lines per year; ``bands`` are shaded areas between ``low`` and ``high`` (percentiles);
    ``hlines`` are horizontal reference lines (targets, capacities)."""
    legend: list[tuple] = [
        (s["label"], s.get("colour", SERIES_COLOURS[i]), "dash" if s.get("dashed") else "line")
        for i, s in enumerate(series)
    ]
    legend += [(b["label"], b.get("colour", "#3b6ea5"), "band") for b in bands]
    legend += [(h["label"], h.get("colour", "#c00"), "dash") for h in hlines]
    values = [v for s in series for v in s["values"] if v is not None]
    values += [v for b in bands for v in b["high"] if v is not None]
    values += [h["value"] for h in hlines if h["value"] is not None]
    ticks = _ticks(max(values, default=0.0) * 1.05)
    left, right = _left_margin(ticks), 12
    top = 20 + _legend_height(legend, width - 8 - right)
    plot_w, plot_h = width - left - right, height - top - FONT_SIZE - 12
    n = max(len(years) - 1, 1)

    def x(i):
        return left + plot_w * i / n

    def y(v):
        return top + plot_h - plot_h * (v / ticks[-1] if ticks[-1] else 0)

    body = _legend(legend, 8, FONT_SIZE + 2, width - 8 - right)
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
    width: int = WIDTH,
    height: int = 320,
) -> SafeString:
    """One bar per year, stacked by ``stacks`` (each ``{"label", "values", "colour"}``)."""
    stacks = [s for s in stacks if any(v > 0 for v in s["values"])]
    legend = [(s["label"], s["colour"]) for s in stacks]
    totals = [sum(s["values"][i] for s in stacks) for i in range(len(years))]
    ticks = _ticks(max(totals, default=0.0) * 1.05)
    left, right = _left_margin(ticks), 12
    top = 20 + _legend_height(legend, width - 8 - right)
    plot_w, plot_h = width - left - right, height - top - FONT_SIZE - 12
    slot = plot_w / max(len(years), 1)

    def x(i):
        return left + slot * (i + 0.5)

    def y(v):
        return top + plot_h - plot_h * (v / ticks[-1] if ticks[-1] else 0)

    body = _legend(legend, 8, FONT_SIZE + 2, width - 8 - right)
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
    width: int = WIDTH,
    height: int = 340,
) -> SafeString:
    """A layered Sankey: generated waste → the pathways its shares send it to → where the
    capacity overflow of a full facility goes. ``links`` are the engine's
    ``FlowResult.sankey_links(year)`` (tonnes per year; shown divided by ``unit_divisor``).

    Labels never overlap: each is wrapped, measured in the chart's font, to the room before the
    next column (the last column gets up to 45 % of the width), and each node takes at least
    the height of its label, so the drawing grows taller rather than stacking texts."""
    depth = _sankey_depth(links)
    inflow: dict[str, float] = {}
    outflow: dict[str, float] = {}
    for link in links:
        outflow[link["source"]] = outflow.get(link["source"], 0.0) + link["tonnes"]
        inflow[link["target"]] = inflow.get(link["target"], 0.0) + link["tonnes"]
    nodes = [n for n in depth if inflow.get(n, 0) > 0 or outflow.get(n, 0) > 0]
    value = {n: max(inflow.get(n, 0.0), outflow.get(n, 0.0)) for n in nodes}
    texts = {n: _node_text(n, labels, value[n] / unit_divisor, unit) for n in nodes}
    columns = max((depth[n] for n in nodes), default=0) + 1
    col_x, room = _sankey_columns(nodes, depth, texts, columns, width)
    lines = {n: _wrap(texts[n], room[depth[n]]) for n in nodes}
    total = max(
        (sum(value[n] for n in nodes if depth[n] == c) for c in range(columns)), default=0.0
    )
    most = max((sum(1 for n in nodes if depth[n] == c) for c in range(columns)), default=1)
    scale = (height - SANKEY_TOP - SANKEY_TOP - SANKEY_GAP * (most - 1)) / total if total else 0.0
    order = {name: i for i, name in enumerate(["generated", *labels])}
    y0: dict[str, float] = {}
    bottom = 0.0
    for c in range(columns):
        cursor: float = SANKEY_TOP
        for n in sorted((n for n in nodes if depth[n] == c), key=lambda n: order.get(n, 99)):
            y0[n] = cursor
            cursor += max(value[n] * scale, len(lines[n]) * LABEL_LINE) + SANKEY_GAP
        bottom = max(bottom, cursor - SANKEY_GAP)
    body = _sankey_links(links, depth, col_x, y0, scale, labels, unit_divisor, unit, order)
    for n in nodes:
        x, h = col_x[depth[n]], max(value[n] * scale, 1.0)
        body.append(_sankey_node(n, x, y0[n], h, lines[n]))
    return _svg(width, max(height, math.ceil(bottom + SANKEY_TOP)), title, test, body)


SANKEY_NODE, SANKEY_GAP, SANKEY_TOP = 12, 14, 10
LABEL_LINE = FONT_SIZE + 3  # one line of a node's label
LABEL_GAP = 4  # between a node and its label


def _sankey_columns(nodes, depth, texts, columns, width) -> tuple[dict, dict]:
    """Each column's x and the width its labels may take: up to the next column, or for the
    last column the room its widest label needs (at most 45 % of the drawing)."""
    widest = max(
        (text_width(texts[n], FONT_SIZE) for n in nodes if depth[n] == columns - 1), default=0.0
    )
    label_room = min(width * 0.45, widest + 12)
    span = width - label_room - SANKEY_NODE - 8
    col_x = {c: 8 + (span * c / max(columns - 1, 1)) for c in range(columns)}
    room = {
        c: (col_x[c + 1] if c + 1 < columns else width) - col_x[c] - SANKEY_NODE - LABEL_GAP - 6
        for c in range(columns)
    }
    return col_x, room


def _wrap(text: str, room: float) -> list[str]:
    """``text`` in lines no wider than ``room`` in the chart's font: broken at spaces, and
    within a word (Japanese has no spaces) where a word alone is too wide."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, FONT_SIZE) <= room:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for char in word:
            if line and text_width(line + char, FONT_SIZE) > room:
                lines.append(line)
                line = ""
            line += char
    return [*lines, line] if line else lines


def _sankey_links(links, depth, col_x, y0, scale, labels, unit_divisor, unit, order) -> list:
    out_offset = dict.fromkeys(y0, 0.0)
    in_offset = dict.fromkeys(y0, 0.0)
    body: list[str] = []
    for link in sorted(links, key=lambda lk: order.get(lk["target"], 99)):
        s, t, thickness = link["source"], link["target"], link["tonnes"] * scale
        if s not in y0 or t not in y0:
            continue
        xs, xt = col_x[depth[s]] + SANKEY_NODE, col_x[depth[t]]
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
    return body


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


def _node_text(n: str, labels: dict[str, str], shown: float, unit: str) -> str:
    # A no-break space keeps the figure and its unit on one line when the label wraps.
    return f"{labels.get(n, n)} · {_fmt(shown, 1)}\u00a0{unit}"


def _sankey_node(n: str, x: float, y: float, h: float, lines: Sequence[str]) -> SafeString:
    """The node's bar and its label, one ``tspan`` a line, with a white halo so a label
    that lies over the links stays readable."""
    label_x = round(x + SANKEY_NODE + LABEL_GAP, 1)
    tspans = format_html_join(
        "",
        '<tspan x="{}" dy="{}">{}</tspan>',
        ((label_x, 0 if i == 0 else LABEL_LINE, line) for i, line in enumerate(lines)),
    )
    return format_html(
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" data-node="{}"/>'
        '<text x="{}" y="{}" data-label="{}" paint-order="stroke" stroke="#fff" '
        'stroke-width="3" stroke-linejoin="round">{}</text>',
        round(x, 1),
        round(y, 1),
        SANKEY_NODE,
        round(h, 1),
        PALETTE.get(n, "#999"),
        n,
        label_x,
        round(y + FONT_SIZE, 1),
        n,
        tspans,
    )
