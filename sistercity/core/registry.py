"""The sector seam: what a sector app contributes to the platform, declared in one place.

The results framework (``programs``), the public pages (``portal``) and the scheduler know
nothing of any sector. A sector app (exchange, environment, trade, …) registers its
contributions from its ``AppConfig.ready``::

    from sistercity.core import registry

    class TradeConfig(AppConfig):
        name = "sistercity.trade"

        def ready(self):
            from sistercity.trade import contributions

            registry.register(contributions.SECTOR)

and the others read them: the programmes app offers the sector's indicator feeds on an
indicator's "counted from" field and proposes their values for approval; the results dashboard
shows its planned values and panels; the partnership's public page its sections; the open-data
ZIP its tables; ``run_scheduler`` enqueues its periodic jobs. ``docs/conventions.md`` walks
through a whole example.

Everything here is plain data and callables: the registry imports no app, and reading it costs
nothing at request time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.functional import Promise

Label = str | Promise


@dataclass(frozen=True)
class IndicatorFeed:
    """A count a programme indicator can be fed from instead of typed.

    ``code`` is stored on the indicator (``"<app>:<what>"``); ``count(partnership, pillar)``
    returns the level to date for the partnership (pillar is the indicator's programme's, or
    None). The value is proposed as an ordinary update and counts only once approved.
    """

    code: str
    label: Label
    count: Callable[[Any, Any], Decimal | int]


@dataclass(frozen=True)
class PlannedValue:
    """A plan for an indicator's values by year (a waste scenario's diversion rate, say)."""

    source: Any  # the object the plan comes from, linked on the dashboard
    series: str
    values: Mapping[int, float]


# ``planned_values(user, partnership)`` -> {indicator code: [PlannedValue, …]}
PlannedValuesProvider = Callable[[Any, Any], Mapping[str, Sequence[PlannedValue]]]


@dataclass(frozen=True)
class Panel:
    """A block of a page another app owns: a template and the context it needs.

    ``context(request_or_none, partnership)`` returns the template's context, or None to show
    nothing (the sector has no data for this partnership, or the user may not see it).
    """

    template: str
    context: Callable[[Any, Any], Mapping[str, Any] | None]
    position: int = 100


@dataclass(frozen=True)
class OpenDataTable:
    """A CSV file of the open-data ZIP: ``rows(partnerships)`` yields the header, then rows, of
    the public records of those (public) partnerships."""

    filename: str
    rows: Callable[[Any], Iterator[Sequence[Any]]]


@dataclass(frozen=True)
class Sector:
    """Everything one app contributes. Only ``app_label`` is required."""

    app_label: str
    pillar: str | None = None  # the pillar code the sector serves, if one
    indicator_feeds: Sequence[IndicatorFeed] = ()
    planned_values: Sequence[PlannedValuesProvider] = ()
    dashboard_panels: Sequence[Panel] = ()
    public_sections: Sequence[Panel] = ()
    open_data_tables: Sequence[OpenDataTable] = ()
    # Django Tasks (``@task``) enqueued on every scheduler tick; each must catch up on
    # everything due and be idempotent.
    scheduled_jobs: Sequence[Any] = ()
    # ``personal_data(user)`` -> the records about that person the app holds, as plain JSON-able
    # data ({"applications": [...]}) for their "download my data" (an empty dict: none).
    personal_data: Sequence[Callable[[Any], Mapping[str, Any]]] = ()
    # ``erase_personal_data(user)`` -> {what: how many} the app erased or anonymised for that
    # person's "delete my account" (an empty dict: it held nothing). It keeps what legal
    # retention and the counts need (statuses, dates, numbers of people) and says so in its
    # docstring; the account page explains it to the person.
    erase_personal_data: Sequence[Callable[[Any], Mapping[str, int]]] = ()
    # ``retention()`` -> how many records it erased: the app's retention rule (personal data
    # erased a set time after it stopped being needed, ``<APP>_..._RETENTION_DAYS``). Run by
    # ``manage.py erase_expired_personal_data``; a sector also lists it as a scheduled job.
    retention: Sequence[Callable[[], int]] = ()


@dataclass
class Registry:
    sectors: dict[str, Sector] = field(default_factory=dict)

    def register(self, sector: Sector) -> None:
        """Add (or, when an app is reloaded, replace) a sector's contributions."""
        codes = {feed.code for feed in sector.indicator_feeds}
        for other in self.sectors.values():
            if other.app_label != sector.app_label:
                clash = codes & {feed.code for feed in other.indicator_feeds}
                if clash:
                    raise ValueError(f"indicator feeds {sorted(clash)} are registered twice")
        self.sectors[sector.app_label] = sector

    def indicator_feeds(self) -> list[IndicatorFeed]:
        return [feed for sector in self.sectors.values() for feed in sector.indicator_feeds]

    def indicator_feed(self, code: str) -> IndicatorFeed | None:
        return next((feed for feed in self.indicator_feeds() if feed.code == code), None)

    def planned_values(self, user: Any, partnership: Any) -> dict[str, list[PlannedValue]]:
        plans: dict[str, list[PlannedValue]] = {}
        for sector in self.sectors.values():
            for provider in sector.planned_values:
                for code, values in provider(user, partnership).items():
                    plans.setdefault(code, []).extend(values)
        return plans

    def dashboard_panels(self) -> list[Panel]:
        panels = [p for sector in self.sectors.values() for p in sector.dashboard_panels]
        return sorted(panels, key=lambda panel: panel.position)

    def public_sections(self) -> list[Panel]:
        panels = [p for sector in self.sectors.values() for p in sector.public_sections]
        return sorted(panels, key=lambda panel: panel.position)

    def open_data_tables(self) -> list[OpenDataTable]:
        return [t for sector in self.sectors.values() for t in sector.open_data_tables]

    def scheduled_jobs(self) -> list[Any]:
        return [job for sector in self.sectors.values() for job in sector.scheduled_jobs]

    def personal_data(self, user: Any) -> dict[str, dict[str, Any]]:
        """Every app's records about ``user``, by app label; apps holding none are left out."""
        found: dict[str, dict[str, Any]] = {}
        for sector in self.sectors.values():
            for provider in sector.personal_data:
                records = provider(user)
                if records:
                    found.setdefault(sector.app_label, {}).update(records)
        return found

    def erase_personal_data(self, user: Any) -> dict[str, dict[str, int]]:
        """Every app's erasure for ``user``'s deleted account, by app label."""
        erased: dict[str, dict[str, int]] = {}
        for sector in self.sectors.values():
            for eraser in sector.erase_personal_data:
                counts = eraser(user)
                if counts:
                    erased.setdefault(sector.app_label, {}).update(counts)
        return erased

    def retention(self) -> dict[str, int]:
        """Run every app's retention rule now; records erased by app label."""
        return {
            sector.app_label: sum(rule() for rule in sector.retention)
            for sector in self.sectors.values()
            if sector.retention
        }


registry = Registry()
register = registry.register


def render_panels(panels: Sequence[Panel], request: Any, partnership: Any) -> list[dict[str, Any]]:
    """The panels that have something to show, as ``{"template", "context"}`` for a page's
    ``{% include panel.template with … %}`` loop."""
    shown = []
    for panel in panels:
        context = panel.context(request, partnership)
        if context is not None:
            shown.append({"template": panel.template, "context": dict(context)})
    return shown
