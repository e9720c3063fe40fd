"""The pipeline and realised investment as XLSX and CSV. Realised investment is laid out as
the LKPM report's realisation part (capital by kind, Indonesian workers by sex, foreign
workers), so the figures go to the national investment system without being typed again.
Every cell goes through ``core.spreadsheets`` (formula injection neutralised)."""

from collections.abc import Iterable, Sequence
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from sistercity.core.spreadsheets import append, csv_bytes, xlsx_bytes
from sistercity.investment import choices as c
from sistercity.investment.selectors import RateBook
from sistercity.investment.services.realisation import quarter_end

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"


def pipeline_rows(leads: Iterable[Any]) -> list[list[Any]]:
    book = RateBook()
    today = timezone.localdate()
    rows: list[list[Any]] = [
        [
            _("Lead"),
            _("Company"),
            _("Stage"),
            _("Expected investment"),
            _("Currency"),
            _("Expected investment (IDR)"),
            _("Probability (%)"),
            _("Weighted value (IDR)"),
            _("Expected jobs"),
            _("Next step"),
            _("Due"),
            _("Owner"),
            _("Introduced by"),
        ]
    ]
    for lead in leads:
        idr = book.to_idr(lead.expected_investment, lead.currency, today)
        rows.append(
            [
                lead.title,
                str(lead.company) if lead.company else lead.enquiry_company,
                c.Stage(lead.stage).label,
                lead.expected_investment,
                lead.currency,
                idr,
                lead.probability,
                (idr * lead.probability / 100).quantize(1) if idr is not None else None,
                lead.expected_jobs,
                lead.next_step,
                lead.next_step_due,
                str(lead.owner),
                str(lead.introduced_by) if lead.introduced_by else "",
            ]
        )
    return rows


def lkpm_rows(realisations: Iterable[Any]) -> list[list[Any]]:
    book = RateBook()
    rows: list[list[Any]] = [
        [
            _("Year"),
            _("Quarter"),
            _("Company"),
            _("NIB"),
            _("KBLI"),
            _("Project"),
            _("Currency"),
            _("Land purchase and preparation"),
            _("Buildings"),
            _("Machinery and equipment"),
            _("Other fixed capital"),
            _("Working capital"),
            _("Total investment"),
            _("Total investment (IDR)"),
            _("Indonesian workers, men"),
            _("Indonesian workers, women"),
            _("Indonesian workers, total"),
            _("Foreign workers"),
        ]
    ]
    for r in realisations:
        lead = r.lead
        company = lead.company
        rows.append(
            [
                r.year,
                r.quarter,
                str(company) if company else "",
                lead.nib,
                company.sector.kbli if company and company.sector else "",
                lead.title,
                r.currency,
                r.land,
                r.building,
                r.machinery,
                r.other_fixed,
                r.working_capital,
                r.total,
                book.to_idr(r.total, r.currency, quarter_end(r.year, r.quarter)),
                r.local_men,
                r.local_women,
                r.local_total,
                r.expatriates,
            ]
        )
    return rows


def as_xlsx(rows: Sequence[Sequence[Any]], title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    for row in rows:
        append(sheet, row)
    return xlsx_bytes(workbook)


def as_csv(rows: Sequence[Sequence[Any]]) -> bytes:
    return csv_bytes(rows)
