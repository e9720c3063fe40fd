"""Server-rendered SVG charts: no JavaScript, nothing from a CDN, the same in PDFs."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    width: float  # 0–100 (% of the drawing width)
    target_x: float | None


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    unit: str
    height: int


def bar_chart(
    rows: list[tuple[str, float]],
    *,
    maximum: float,
    unit: str = "",
    targets: list[float] | None = None,
) -> BarChart:
    """Horizontal bars scaled to ``maximum``; optional target ticks (e.g. the budget)."""
    maximum = maximum or 1.0
    bars = []
    for index, (label, value) in enumerate(rows):
        target = targets[index] if targets else None
        bars.append(
            Bar(
                label=label,
                value=value,
                width=max(0.0, min(100.0, value / maximum * 100)),
                target_x=None if target is None else max(0.0, min(100.0, target / maximum * 100)),
            )
        )
    return BarChart(bars=bars, unit=unit, height=28 * len(bars) + 8)
