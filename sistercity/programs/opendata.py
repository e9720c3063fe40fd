"""Open data: a ZIP of CSV files of everything public, as Decidim's open-data download.

Public means: partnerships with a public page, their programmes marked public, and of those the
activities marked public. Indicator actuals count approved updates only. Money is in IDR
(converted with the dated rate table). Anyone may download it, without logging in.

Files (UTF-8 CSV, header row, codes as in the XLSX layout of ``tabular``): partnerships.csv,
programmes.csv, activities.csv, results.csv, indicators.csv, periods.csv, spending.csv and a
README.txt that says what each file holds; then one CSV per table a sector app registers
(``core.registry``'s ``open_data_tables``), written the same way.
"""

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from sistercity.core.registry import registry
from sistercity.partnerships.models import Partnership
from sistercity.programs import progress, selectors
from sistercity.programs.models import Activity
from sistercity.programs.tabular import (
    LANGUAGES,
    round_value,
    table_csv,
    translation_texts,
    zip_of,
)

HEADERS = {
    "partnerships": ["partnership", "kind", "started_on", "municipalities"]
    + [f"name_{c}" for c in LANGUAGES],
    "programmes": ["partnership", "code", "pillar", "dac_sector_code", "status", "progress"]
    + [f"title_{c}" for c in LANGUAGES]
    + [f"description_{c}" for c in LANGUAGES],
    "activities": [
        "partnership",
        "programme",
        "code",
        "status",
        "planned_start",
        "planned_end",
        "actual_start",
        "actual_end",
    ]
    + [f"title_{c}" for c in LANGUAGES],
    "results": ["partnership", "programme", "result_type", "status", "progress"]
    + [f"title_{c}" for c in LANGUAGES],
    "indicators": [
        "partnership",
        "programme",
        "code",
        "measure",
        "unit",
        "baseline_year",
        "baseline_value",
        "target",
        "actual",
        "progress",
    ]
    + [f"title_{c}" for c in LANGUAGES],
    "periods": ["partnership", "indicator", "start", "end", "target", "actual"],
    "spending": ["partnership", "programme", "budget_idr", "committed_idr", "disbursed_idr"],
}

README = """SisterCity open data
====================

Everything public about {what}, as of {date}.

partnerships.csv  partnerships with a public page and their municipalities
programmes.csv    public programmes; progress in % (weighted roll-up of results)
activities.csv    public activities of those programmes (ISO dates)
results.csv       results of public programmes; progress in %
indicators.csv    indicators: baseline, target, actual (approved updates only), progress in %
periods.csv       reporting periods with target and actual (approved updates only)
spending.csv      budget, commitments and disbursements per programme, in IDR

Codes: status = IATI ActivityStatus, result_type = IATI ResultType, measure = IATI
IndicatorMeasure, dac_sector_code = OECD-DAC purpose code. Texts are given in Bahasa Indonesia
(_id), Japanese (_ja) and English (_en) where they exist.
"""


def public_partnerships() -> QuerySet[Partnership]:
    return Partnership.objects.filter(is_public=True).prefetch_related(
        "translations", "municipalities"
    )


Tables = dict[str, list[list[Any]]]


def _partnership_row(partnership: Partnership, out: Tables) -> None:
    out["partnerships"].append(
        [
            partnership.slug,
            partnership.kind,
            partnership.started_on,
            ";".join(sorted(m.slug for m in partnership.municipalities.all())),
            *translation_texts(partnership, "name"),
        ]
    )


def _indicator_rows(slug: str, programme: Any, item: Any, out: Tables) -> None:
    """An indicator and its reporting periods (actuals from approved updates only)."""
    indicator = item.indicator
    out["indicators"].append(
        [
            slug,
            programme.code,
            indicator.code,
            indicator.measure,
            indicator.unit,
            indicator.baseline_year,
            indicator.baseline_value,
            item.target,
            item.actual,
            round_value(item.progress),
            *translation_texts(indicator, "title"),
        ]
    )
    datum = selectors.indicator_data(indicator)
    for period, period_datum in zip(indicator.periods.all(), datum.periods, strict=True):
        out["periods"].append(
            [
                slug,
                indicator.code,
                period.start,
                period.end,
                period.target_value,
                progress.period_actual(period_datum, indicator.cumulative)
                if indicator.is_quantitative
                else None,
            ]
        )


def _programme_rows(slug: str, row: Any, money: dict[str, Any], out: Tables) -> None:
    """A public programme with its results, indicators, periods and spending."""
    programme = row.programme
    out["programmes"].append(
        [
            slug,
            programme.code,
            programme.pillar.code,
            programme.pillar.dac_sector_code,
            programme.status,
            round_value(row.progress),
            *translation_texts(programme, "title"),
            *translation_texts(programme, "description"),
        ]
    )
    for result_row in row.results:
        result = result_row.result
        out["results"].append(
            [
                slug,
                programme.code,
                result.result_type,
                result.status,
                round_value(result_row.progress),
                *translation_texts(result, "title"),
            ]
        )
        for item in result_row.indicators:
            _indicator_rows(slug, programme, item, out)
    out["spending"].append(
        [
            slug,
            programme.code,
            money.get("budget", 0),
            money.get("committed", 0),
            money.get("disbursed", 0),
        ]
    )


def _activity_rows(partnership: Partnership, out: Tables) -> None:
    activities = (
        Activity.objects.filter(
            programme__partnership=partnership, programme__is_public=True, is_public=True
        )
        .select_related("programme")
        .prefetch_related("translations")
        .order_by("programme__pillar__position", "programme__code", "code")
    )
    for activity in activities:
        out["activities"].append(
            [
                partnership.slug,
                activity.programme.code,
                activity.code,
                activity.status,
                activity.planned_start,
                activity.planned_end,
                activity.actual_start,
                activity.actual_end,
                *translation_texts(activity, "title"),
            ]
        )


def _rows(partnership: Partnership, out: Tables) -> None:
    _partnership_row(partnership, out)
    tree = selectors.results_tree(partnership, public_only=True)
    _total, per_programme = selectors.spending(partnership, public_only=True)
    for row in tree:
        _programme_rows(partnership.slug, row, per_programme.get(row.programme.pk, {}), out)
    _activity_rows(partnership, out)


def _sector_files(partnerships: list[Partnership], taken: set[str]) -> dict[str, bytes]:
    """The tables the sector apps register (``core.registry``), one CSV each, written like ours.

    A sector's file may not replace one of ours or another sector's, nor point outside the ZIP:
    such a registration is a programming error and fails loudly rather than publish the wrong
    table."""
    files: dict[str, bytes] = {}
    for table in registry.open_data_tables():
        name = table.filename
        if "/" in name or "\\" in name or not name.endswith(".csv") or name in taken | set(files):
            raise ValueError(f"open-data table {name!r} is not a new plain .csv file name")
        files[name] = table_csv([list(row) for row in table.rows(partnerships)])
    return files


def _readme(what: str, sector_files: Iterable[str]) -> bytes:
    text = README.format(what=what, date=timezone.localdate().isoformat())
    names = list(sector_files)
    if names:
        text += "\nTables of the sector apps: " + ", ".join(names) + ".\n"
    return text.encode("utf-8")


def open_data_zip(partnerships: Iterable[Partnership], *, what: str) -> bytes:
    chosen = list(partnerships)
    out: Tables = {name: [header] for name, header in HEADERS.items()}
    for partnership in chosen:
        _rows(partnership, out)
    files = {f"{name}.csv": table_csv(rows) for name, rows in out.items()}
    sector_files = _sector_files(chosen, {*files, "README.txt"})
    files["README.txt"] = _readme(what, sector_files)
    files.update(sector_files)
    return zip_of(files)


def partnership_zip(partnership: Partnership) -> bytes:
    """Only for a public partnership (the caller looks it up among ``public_partnerships``)."""
    return open_data_zip([partnership], what=partnership.slug)


def all_zip() -> bytes:
    return open_data_zip(public_partnerships(), what="all public partnerships")
