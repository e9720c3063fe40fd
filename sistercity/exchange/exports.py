"""Applications and allocation results as XLSX or CSV for the panel."""

from typing import Any

from django.http import Http404
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _
from openpyxl import Workbook

from sistercity.core import spreadsheets
from sistercity.core.templatetags.sistercity import tr
from sistercity.core.views import file_response
from sistercity.exchange import selectors
from sistercity.exchange.choices import Status
from sistercity.exchange.models import Application


def applications_table(call) -> tuple[list[str], list[list]]:
    """One row per submitted application, in panel-ranking order."""
    header = [
        _("Position"),
        _("Reference"),
        _("Name"),
        _("E-mail address"),
        _("Status"),
        _("Panel score"),
        _("Reviews"),
        _("School, university or employer"),
        _("Field of study"),
        _("Japanese level"),
        _("Placement choices"),
        _("Submitted"),
    ]
    rows = []
    ranking = selectors.panel_ranking(call)
    preferences = {}
    for application in Application.objects.filter(
        pk__in=[r.application.pk for r in ranking]
    ).prefetch_related("preferences__placement"):
        preferences[application.pk] = ", ".join(
            p.placement.code for p in sorted(application.preferences.all(), key=lambda p: p.rank)
        )
    for row in ranking:
        a = row.application
        rows.append(
            [
                row.position,
                a.short_reference,
                a.applicant.full_name,
                a.applicant.email,
                str(Status(a.status).label),
                float(row.score) if row.score is not None else None,
                row.reviews,
                a.institution,
                a.get_field_of_study_display(),
                a.language_level,
                preferences.get(a.pk, ""),
                a.submitted_at.isoformat() if a.submitted_at else "",
            ]
        )
    return header, rows


def run_rows(run) -> list[dict]:
    """The run's result joined with who the applicants and placements are."""
    refs = list(run.result)
    applications = {
        a.reference.hex: a
        for a in Application.objects.filter(call=run.call_id).select_related("applicant")
        if a.reference.hex in run.result
    }
    placements = {
        p.code: p
        for p in run.call.placements.select_related("host").prefetch_related(
            "translations", "host__translations"
        )
    }
    blocking: dict[str, list[str]] = {}
    for ref, code in run.blocking_pairs:
        blocking.setdefault(ref, []).append(code)
    tickets = run.inputs.get("tickets", {})
    rows = []
    for ref in refs:
        code = run.result[ref]
        prefs = run.inputs["applicant_prefs"].get(ref, [])
        rows.append(
            {
                "reference": ref,
                "application": applications.get(ref),
                "placement": placements.get(code) if code else None,
                "code": code,
                "choice": prefs.index(code) + 1 if code in prefs else None,
                "ticket": tickets.get(ref, ""),
                "blocking": blocking.get(ref, []),
            }
        )
    return rows


def run_table(run) -> tuple[list[str], list[list]]:
    header = [
        _("Reference"),
        _("Name"),
        _("Placement"),
        _("Host"),
        _("Choice"),
        _("Lottery ticket"),
        _("Blocking pairs"),
    ]
    rows = []
    for row in run_rows(run):
        a, p = row["application"], row["placement"]
        rows.append(
            [
                a.short_reference if a else row["reference"],
                a.applicant.full_name if a else "",
                tr(p, "title", plain=True) if p else "—",
                tr(p.host, "name", plain=True) if p else "",
                row["choice"],
                row["ticket"],
                ", ".join(row["blocking"]),
            ]
        )
    rows.append([])
    rows.append([_("Lottery seed"), run.seed])
    rows.append([_("Stable"), _("yes") if run.is_stable else _("no")])
    return header, rows


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _csv(header: list[str], rows: list[list[Any]]) -> bytes:
    # A BOM so that spreadsheet programs read the Japanese names as UTF-8 (core.spreadsheets
    # also quotes text that would run as a formula).
    return spreadsheets.csv_bytes(
        [[str(h) for h in header], *([_safe(v) for v in row] for row in rows)]
    )


def _xlsx(header: list[str], rows: list[list[Any]], title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    spreadsheets.append(sheet, [str(h) for h in header])
    for row in rows:
        spreadsheets.append(sheet, [_safe(v) for v in row])
    return spreadsheets.xlsx_bytes(book)


def response(table: tuple[list[str], list[list[Any]]], name: str, fmt: str) -> HttpResponseBase:
    """The table as a CSV or XLSX download (private: it names applicants)."""
    header, rows = table
    if fmt == "csv":
        content, content_type = _csv(header, rows), "text/csv; charset=utf-8"
    elif fmt == "xlsx":
        content, content_type = _xlsx(header, rows, name), XLSX
    else:
        raise Http404
    return file_response(content, filename=f"{name}.{fmt}", content_type=content_type)


def _safe(value):
    """Numbers stay numbers, everything else is text (quoted by core.spreadsheets where a
    spreadsheet would run it as a formula)."""
    return value if value is None or isinstance(value, (int, float)) else str(value)
