"""Export of the programme tables: Python rows, one CSV, a ZIP of CSVs, an XLSX workbook."""

import datetime as dt
import io
import zipfile
from collections import defaultdict

from django.http import Http404
from openpyxl import Workbook

from sistercity.core import spreadsheets
from sistercity.programs import progress, selectors
from sistercity.programs.models import Activity, Programme
from sistercity.programs.tabular.layout import (
    COLUMNS,
    READ_ONLY,
    SHEETS,
    round_value,
    translation_texts,
)


def tables(partnership) -> dict[str, list[list]]:
    """Header and rows of each table, as Python values (str, Decimal, date, bool, int, None)."""
    tree = selectors.results_tree(partnership)
    programmes = {row.programme.pk: row.programme for row in tree}
    lead = _lead_agencies(programmes)
    out: dict[str, list[list]] = {sheet: [COLUMNS[sheet] + READ_ONLY[sheet]] for sheet in SHEETS}
    out["programmes"].extend(_programme_row(row.programme, lead) for row in tree)
    out["activities"].extend(_activity_rows(programmes))
    for row in tree:
        for result_row in row.results:
            for item in sorted(result_row.indicators, key=lambda i: i.indicator.code):
                out["indicators"].append(_indicator_row(row.programme, result_row.result, item))
                out["periods"].extend(_period_rows(item.indicator))
    return out


def _lead_agencies(programmes) -> dict[int, list[str]]:
    lead = defaultdict(list)
    for programme in Programme.objects.filter(pk__in=programmes).prefetch_related("lead_agencies"):
        lead[programme.pk] = sorted(org.slug for org in programme.lead_agencies.all())
    return lead


def _programme_row(programme, lead) -> list:
    return [
        programme.code,
        programme.pillar.code,
        programme.status,
        programme.weight,
        programme.is_public,
        ";".join(lead[programme.pk]),
        *translation_texts(programme, "title"),
        *translation_texts(programme, "description"),
    ]


def _activity_rows(programmes) -> list[list]:
    activities = (
        Activity.objects.filter(programme__in=programmes)
        .select_related("programme")
        .prefetch_related("translations")
        .order_by("programme__pillar__position", "programme__code", "code")
    )
    return [
        [
            activity.programme.code,
            activity.code,
            activity.status,
            activity.planned_start,
            activity.planned_end,
            activity.actual_start,
            activity.actual_end,
            activity.sector_code,
            activity.is_public,
            *translation_texts(activity, "title"),
            *translation_texts(activity, "description"),
        ]
        for activity in activities
    ]


def _indicator_row(programme, result, item) -> list:
    indicator = item.indicator
    return [
        programme.code,
        indicator.code,
        result.result_type,
        result.status,
        result.weight,
        *translation_texts(result, "title"),
        indicator.measure,
        indicator.ascending,
        indicator.cumulative,
        indicator.unit,
        indicator.baseline_year,
        indicator.baseline_value,
        indicator.weight,
        *translation_texts(indicator, "title"),
        item.target,
        item.actual,
        round_value(item.progress),
    ]


def _period_rows(indicator) -> list[list]:
    datum = selectors.indicator_data(indicator)
    rows = []
    for period, period_datum in zip(indicator.periods.all(), datum.periods, strict=True):
        actual = (
            progress.period_actual(period_datum, indicator.cumulative)
            if indicator.is_quantitative
            else None
        )
        rows.append(
            [
                indicator.code,
                period.start,
                period.end,
                period.target_value,
                period.target_comment,
                actual,
            ]
        )
    return rows


def table_csv(rows: list[list]) -> bytes:
    """One table as CSV: UTF-8 with a byte-order mark, so that spreadsheet programs read the
    Japanese titles correctly; text that would run as a formula is quoted (core.spreadsheets)."""
    return spreadsheets.csv_bytes(rows)


_ZIP_DATE = (2026, 1, 1, 0, 0, 0)  # fixed, so that the same data gives the same bytes


def zip_of(files: dict[str, bytes]) -> bytes:
    """A deflated ZIP of the named files, byte for byte the same for the same files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def export_csv_zip(partnership) -> bytes:
    return zip_of({f"{name}.csv": table_csv(rows) for name, rows in tables(partnership).items()})


def export_csv(partnership, table: str) -> bytes:
    if table not in COLUMNS:
        raise Http404
    return table_csv(tables(partnership)[table])


def export_xlsx(partnership) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in tables(partnership).items():
        sheet = workbook.create_sheet(name)
        for values in rows:
            spreadsheets.append(sheet, values)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, dt.date | dt.datetime):
                    cell.number_format = "yyyy-mm-dd"
        sheet.freeze_panes = "A2"
    workbook.properties.creator = "SisterCity"
    return spreadsheets.xlsx_bytes(workbook)


def filename(partnership, extension: str) -> str:
    return f"programmes-{partnership.slug}.{extension}"
