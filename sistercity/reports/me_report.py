"""The annual monitoring & evaluation report of a partnership.

What Batang sends to the Ministry of Home Affairs and its DPRD, and Toyama to its assembly:
a summary, the narrative and recommendations its authors write, the partnership's stage history,
activities, indicator tables (baseline, target, actual from approved updates only, progress),
spending in IDR with JPY beside it for the Toyama side (the dated rate in force at the year's
end), two charts and a signature block. History, activities and money are the chosen year's.
One set of data feeds the HTML (→ PDF with WeasyPrint, Japanese set in the embedded Noto Sans
CJK font) and the XLSX. Everything is rendered in the language the reader chose.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from sistercity.core import spreadsheets
from sistercity.core.pdf import pdf_from_html
from sistercity.core.templatetags.sistercity import tr
from sistercity.partnerships.selectors import partnership_timeline
from sistercity.programs import selectors
from sistercity.programs.charts import bar_chart
from sistercity.programs.models import Activity

# The parts people write (the request form's fields of these names).
TEXTS = ("summary", "narrative", "recommendations", "signatory_name", "signatory_position")


@dataclass
class ReportData:
    """Everything the report shows, read once and shared by the HTML/PDF and the XLSX."""

    partnership: Any
    year: int
    generated_on: dt.date
    municipalities: list[Any]
    timeline: list[Any]
    activities: list[Any]
    tree: list[Any]
    spending: Any
    per_programme: dict[int, dict[str, Any]]
    progress_chart: Any
    spending_chart: Any
    texts: dict[str, str]
    jpy_rate: Any  # the ExchangeRate used for the JPY column, or None (no JPY then)

    @property
    def recommendations(self) -> list[str]:
        return [
            line.strip()
            for line in self.texts.get("recommendations", "").splitlines()
            if line.strip()
        ]

    def jpy(self, idr: Any) -> Any:
        """An IDR amount in JPY at the report's rate (None without one)."""
        if self.jpy_rate is None or idr is None:
            return None
        return (Decimal(idr) / self.jpy_rate.idr_per_unit).quantize(Decimal("1"))

    @property
    def jpy_totals(self) -> dict[str, Any]:
        return {
            "budget": self.jpy(self.spending.budget_idr),
            "disbursed": self.jpy(self.spending.disbursed_idr),
        }

    @property
    def per_programme_jpy(self) -> dict[int, dict[str, Any]]:
        return {
            pk: {"budget": self.jpy(money["budget"]), "disbursed": self.jpy(money["disbursed"])}
            for pk, money in self.per_programme.items()
        }


def _in_year(year: int) -> Q:
    """Activities planned or carried out (in part) during ``year``."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    planned = Q(planned_start__lte=end) & (Q(planned_end__gte=start) | Q(planned_end__isnull=True))
    actual = Q(actual_start__lte=end) & (Q(actual_end__gte=start) | Q(actual_end__isnull=True))
    return planned | actual


def collect(partnership: Any, *, year: int, texts: dict[str, str] | None = None) -> ReportData:
    tree = selectors.results_tree(partnership)
    total, per_programme = selectors.spending(partnership, year=year)
    year_end = min(dt.date(year, 12, 31), timezone.localdate())
    activities = list(
        Activity.objects.filter(programme__partnership=partnership)
        .filter(_in_year(year))
        .select_related("programme")
        .prefetch_related("translations", "programme__translations")
        .order_by("programme__pillar__position", "programme__code", "code")
    )
    budgets = [float(per_programme.get(r.programme.pk, {}).get("budget", 0)) for r in tree]
    return ReportData(
        partnership=partnership,
        year=year,
        generated_on=timezone.localdate(),
        municipalities=list(partnership.municipalities.prefetch_related("translations")),
        timeline=list(
            partnership_timeline(partnership)
            .filter(created_at__year=year)
            .order_by("created_at", "pk")
        ),
        activities=activities,
        tree=tree,
        spending=total,
        per_programme=per_programme,
        progress_chart=bar_chart(
            [(tr(r.programme, "title", plain=True), r.progress or 0.0) for r in tree],
            maximum=100,
            unit="%",
        ),
        spending_chart=bar_chart(
            [
                (
                    tr(r.programme, "title", plain=True),
                    float(per_programme.get(r.programme.pk, {}).get("disbursed", 0)),
                )
                for r in tree
            ],
            maximum=max(budgets + [1.0]),
            unit="IDR",
            targets=budgets,
        ),
        texts={name: (texts or {}).get(name, "") for name in TEXTS},
        jpy_rate=selectors.rate_on("JPY", year_end),
    )


def render_html(
    partnership: Any, *, language: str, year: int, texts: dict[str, str] | None = None
) -> str:
    with translation.override(language):
        data = collect(partnership, year=year, texts=texts)
        return render_to_string("reports/me_report.html", {"report": data, "language": language})


def render_pdf(
    partnership: Any, *, language: str, year: int, texts: dict[str, str] | None = None
) -> bytes:
    html = render_html(partnership, language=language, year=year, texts=texts)
    return pdf_from_html(html)


def render_xlsx(
    partnership: Any, *, language: str, year: int, texts: dict[str, str] | None = None
) -> bytes:
    """Sheets: summary, stages, activities, indicators, spending."""
    with translation.override(language):
        data = collect(partnership, year=year, texts=texts)
        workbook = Workbook()
        summary = workbook.active
        summary.title = "summary"
        _summary_sheet(summary, data)
        _stages_sheet(workbook.create_sheet("stages"), data)
        _activities_sheet(workbook.create_sheet("activities"), data)
        _indicators_sheet(workbook.create_sheet("indicators"), data)
        _spending_sheet(workbook.create_sheet("spending"), data)
        return spreadsheets.xlsx_bytes(workbook)


def _summary_sheet(sheet: Worksheet, data: ReportData) -> None:
    _rows(
        sheet,
        [_("Monitoring & evaluation report {year}").format(year=data.year)],
        [
            [_("Partnership"), tr(data.partnership, "name", plain=True)],
            [
                _("Municipalities"),
                ", ".join(tr(m, "name", plain=True) for m in data.municipalities),
            ],
            [_("Reporting year"), data.year],
            [_("Generated on"), data.generated_on],
            [_("Programmes"), len(data.tree)],
            [_("Activities"), len(data.activities)],
            [_("Budget (IDR)"), data.spending.budget_idr],
            [_("Disbursed (IDR)"), data.spending.disbursed_idr],
            *_jpy_rows(data),
            [_("Summary"), data.texts["summary"]],
            [_("Narrative"), data.texts["narrative"]],
            *([_("Recommendation"), line] for line in data.recommendations),
            [_("Signed by (name)"), data.texts["signatory_name"]],
            [_("Signatory's position"), data.texts["signatory_position"]],
        ],
    )


def _jpy_rows(data: ReportData) -> list[list[Any]]:
    if data.jpy_rate is None:
        return []
    return [
        [_("Budget (JPY)"), data.jpy(data.spending.budget_idr)],
        [_("Disbursed (JPY)"), data.jpy(data.spending.disbursed_idr)],
        [
            _("JPY rate"),
            _("1 JPY = {rate} IDR on {date}").format(
                rate=data.jpy_rate.idr_per_unit.normalize(), date=data.jpy_rate.on.isoformat()
            ),
        ],
    ]


def _stages_sheet(sheet: Worksheet, data: ReportData) -> None:
    _rows(
        sheet,
        [_("Date"), _("Track"), _("From"), _("To"), _("By"), _("Note")],
        [
            [
                timezone.localtime(t.created_at).date(),
                tr(t.partnership_track.track, "name", plain=True),
                tr(t.from_stage, "name", plain=True) if t.from_stage else "",
                tr(t.to_stage, "name", plain=True),
                t.actor.full_name if t.actor else "",
                t.note,
            ]
            for t in data.timeline
        ],
    )


def _activities_sheet(sheet: Worksheet, data: ReportData) -> None:
    _rows(
        sheet,
        [
            _("Programme"),
            _("Code"),
            _("Activity"),
            _("Status"),
            _("Planned start"),
            _("Planned end"),
            _("Actual start"),
            _("Actual end"),
        ],
        [
            [
                a.programme.code,
                a.code,
                tr(a, "title", plain=True),
                a.get_status_display(),
                a.planned_start,
                a.planned_end,
                a.actual_start,
                a.actual_end,
            ]
            for a in data.activities
        ],
    )


def _indicators_sheet(sheet: Worksheet, data: ReportData) -> None:
    _rows(
        sheet,
        [
            _("Programme"),
            _("Result"),
            _("Indicator"),
            _("Code"),
            _("Unit"),
            _("Baseline"),
            _("Target"),
            _("Actual"),
            _("Progress (%)"),
        ],
        [
            [
                tr(row.programme, "title", plain=True),
                tr(result_row.result, "title", plain=True),
                tr(item.indicator, "title", plain=True),
                item.indicator.code,
                item.indicator.unit,
                item.indicator.baseline_value,
                item.target,
                item.actual,
                None if item.progress is None else round(item.progress, 1),
            ]
            for row in data.tree
            for result_row in row.results
            for item in result_row.indicators
        ],
    )


def _spending_sheet(sheet: Worksheet, data: ReportData) -> None:
    def money(row: Any, key: str) -> Any:
        return data.per_programme.get(row.programme.pk, {}).get(key, 0)

    _rows(
        sheet,
        [
            _("Programme"),
            _("Budget (IDR)"),
            _("Committed (IDR)"),
            _("Disbursed (IDR)"),
            *([_("Budget (JPY)"), _("Disbursed (JPY)")] if data.jpy_rate else []),
        ],
        [
            [
                tr(row.programme, "title", plain=True),
                money(row, "budget"),
                money(row, "committed"),
                money(row, "disbursed"),
                *(
                    [data.jpy(money(row, "budget")), data.jpy(money(row, "disbursed"))]
                    if data.jpy_rate
                    else []
                ),
            ]
            for row in data.tree
        ]
        + [
            [
                _("Total"),
                data.spending.budget_idr,
                data.spending.committed_idr,
                data.spending.disbursed_idr,
                *(
                    [data.jpy(data.spending.budget_idr), data.jpy(data.spending.disbursed_idr)]
                    if data.jpy_rate
                    else []
                ),
            ]
        ],
    )


def _rows(sheet: Worksheet, header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> None:
    spreadsheets.append(sheet, [str(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        # Text that would run as a formula is quoted (core.spreadsheets).
        spreadsheets.append(sheet, row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"


FORMATS = {
    "pdf": ("application/pdf", render_pdf),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", render_xlsx),
}


def generate(
    partnership: Any,
    *,
    language: str,
    year: int,
    fmt: str,
    texts: dict[str, str] | None = None,
    on_progress: Callable[[float], None] = lambda fraction: None,
) -> tuple[bytes, str, str]:
    """(content, file name, content type) of the report."""
    content_type, render = FORMATS[fmt]
    on_progress(0.1)
    content = render(partnership, language=language, year=year, texts=texts)
    on_progress(0.9)
    name = f"me-report-{partnership.slug}-{year}-{language}.{fmt}"
    return content, name, content_type
