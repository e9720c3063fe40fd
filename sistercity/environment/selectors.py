"""Reads. Every function takes the user and returns only what that user may see."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from sistercity.core.permissions import Action
from sistercity.core.registry import PlannedValue
from sistercity.environment.choices import Metric, WasteSource, WasteType
from sistercity.environment.models import DataSource, WasteFacility, WasteFigure, WasteScenario


def scenario_list(*, user, partnership=None, action: str = Action.VIEW):
    scenarios = WasteScenario.objects.for_user(user, action)
    if partnership is not None:
        scenarios = scenarios.filter(partnership=partnership)
    return scenarios.select_related("partnership", "municipality").prefetch_related(
        "translations", "municipality__translations"
    )


def source_list(*, user, partnership=None):
    sources = DataSource.objects.for_user(user)
    if partnership is not None:
        sources = sources.filter(partnership=partnership)
    return sources.prefetch_related("translations")


def facility_list(*, user, partnership=None):
    facilities = WasteFacility.objects.for_user(user)
    if partnership is not None:
        facilities = facilities.filter(partnership=partnership)
    return facilities.select_related("municipality", "source").prefetch_related(
        "translations",
        "municipality__translations",
        "source__translations",
    )


def figure_list(*, user, partnership=None):
    figures = WasteFigure.objects.for_user(user)
    if partnership is not None:
        figures = figures.filter(partnership=partnership)
    return figures.select_related("municipality", "source", "facility").prefetch_related(
        "municipality__translations", "source__translations", "facility__translations"
    )


@dataclass
class FigureGroup:
    """All figures for one thing (year, area, measure, category), side by side."""

    municipality: object
    year: int
    area: str
    metric: str
    category: str
    facility: object = None
    figures: list = field(default_factory=list)

    @property
    def conflicting(self) -> bool:
        return len({f.value for f in self.figures}) > 1

    @property
    def metric_label(self) -> str:
        return str(Metric(self.metric).label)

    @property
    def category_label(self) -> str:
        if self.metric == Metric.COMPOSITION and self.category in WasteType.values:
            return str(WasteType(self.category).label)
        if self.metric == Metric.SOURCE and self.category in WasteSource.values:
            return str(WasteSource(self.category).label)
        if self.facility is not None:
            return str(self.facility)
        return self.category


def figure_groups(*, user, partnership) -> list[FigureGroup]:
    groups: dict[tuple, FigureGroup] = {}
    for figure in figure_list(user=user, partnership=partnership).order_by(
        "municipality_id", "year", "area", "metric", "category", "as_of", "pk"
    ):
        key = (figure.municipality_id, figure.year, figure.area, figure.metric, figure.category)
        group = groups.get(key)
        if group is None:
            group = groups[key] = FigureGroup(
                municipality=figure.municipality,
                year=figure.year,
                area=figure.area,
                metric=figure.metric,
                category=figure.category,
                facility=figure.facility,
            )
        group.figures.append(figure)
    return list(groups.values())


def _plans(scenarios: QuerySet[WasteScenario]) -> Iterator[tuple[WasteScenario, dict[int, float]]]:
    """Each scenario linked to an indicator series, with its planned value per year."""
    from sistercity.environment import results

    for scenario in scenarios.exclude(indicator_code="").exclude(indicator_series=""):
        result = results.run(scenario)
        values = results.series(result, scenario.indicator_series)
        yield scenario, dict(zip((int(y) for y in result.years), values, strict=True))


def planned_values_by_indicator(*, user: Any, partnership: Any) -> dict[str, list[PlannedValue]]:
    """All scenario plans linked to programme indicators of a partnership, by indicator code:
    one query whatever the number of indicators (the results dashboard reads them through
    ``core.registry.planned_values``)."""
    plans: dict[str, list[PlannedValue]] = {}
    for scenario, values in _plans(scenario_list(user=user, partnership=partnership)):
        plans.setdefault(scenario.indicator_code, []).append(
            PlannedValue(source=scenario, series=scenario.indicator_series, values=values)
        )
    return plans


def planned_indicator_values(
    *, user: Any, indicator_code: str, partnership: Any = None
) -> list[dict[str, Any]]:
    """Planned values per year of the scenarios linked to a programme indicator code:
    ``[{"scenario": <WasteScenario>, "series": "diversion_pct", "values": {2026: 12.5, …}}]``.
    """
    scenarios = scenario_list(user=user, partnership=partnership).filter(
        indicator_code=indicator_code
    )
    return [
        {"scenario": scenario, "series": scenario.indicator_series, "values": values}
        for scenario, values in _plans(scenarios)
    ]
