"""Programmes, activities and indicators as tables: CSV and XLSX export, XLSX import.

Layout (the same for every format; column names are stable and English, values are codes):

``programmes``
    code · pillar (pillar code, e.g. ``environment``) · status (IATI ActivityStatus 1–6) · weight ·
    public (true/false) · lead_agencies (organisation short names separated by ``;``) ·
    title_id · title_ja · title_en · description_id · description_ja · description_en
``activities``
    programme (programme code) · code · status · planned_start · planned_end · actual_start ·
    actual_end (ISO dates, YYYY-MM-DD) · sector_code (OECD-DAC, empty = the pillar's) · public ·
    title_id · title_ja · title_en · description_id · description_ja · description_en
``indicators``
    programme · code (unique in the partnership) · result_type (IATI ResultType 1–3) ·
    result_status (not_started/in_progress/completed) · result_weight · result_title_id ·
    result_title_ja · result_title_en · measure (IATI IndicatorMeasure 1 unit, 2 percentage,
    5 qualitative) · ascending · cumulative · unit · baseline_year · baseline_value · weight ·
    title_id · title_ja · title_en — and, read-only (exported, ignored on import): target ·
    actual (approved updates only) · progress (%)
``periods``
    indicator (indicator code) · start · end · target · target_comment — read-only: actual

A result has no code: an indicator names its result by the result's titles. Rows of new
indicators with the same programme and result titles share one result; an existing indicator
keeps its result, whose type, status, weight and titles the row updates.

XLSX: one sheet per table, named as above, header in row 1. CSV: a ZIP with one UTF-8 file per
table (``programmes.csv`` …), or one table alone.

Import (XLSX only) creates what is new and updates what exists, identified by codes (programme
code; programme + activity code; indicator code; indicator + period start). It never deletes.
An empty text cell leaves an existing translation as it is; an empty date or number clears it.
Everything is checked first — size, columns, formulas, codes, numbers, dates, duplicates,
permissions (the secretariat and partner officers edit every pillar, an agency officer the
programmes of his own pillars) — and the rows are written only when no row has an error, all in
one transaction: all or nothing.
"""

import csv
import datetime as dt
import io
import zipfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from auditlog.context import set_actor
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook, load_workbook

from sistercity.accounts.models import Organisation
from sistercity.core.errors import SisterCityError
from sistercity.core.permissions import Action
from sistercity.core.validators import validate_no_markup
from sistercity.partnerships.models import Partnership
from sistercity.programs import choices as c
from sistercity.programs import progress, selectors, services
from sistercity.programs.models import Activity, Indicator, Period, Programme, Result

LANGUAGES = ("id", "ja", "en")


def _texts(prefix):
    return [f"{prefix}_{code}" for code in LANGUAGES]


COLUMNS = {
    "programmes": [
        "code",
        "pillar",
        "status",
        "weight",
        "public",
        "lead_agencies",
        *_texts("title"),
        *_texts("description"),
    ],
    "activities": [
        "programme",
        "code",
        "status",
        "planned_start",
        "planned_end",
        "actual_start",
        "actual_end",
        "sector_code",
        "public",
        *_texts("title"),
        *_texts("description"),
    ],
    "indicators": [
        "programme",
        "code",
        "result_type",
        "result_status",
        "result_weight",
        *_texts("result_title"),
        "measure",
        "ascending",
        "cumulative",
        "unit",
        "baseline_year",
        "baseline_value",
        "weight",
        *_texts("title"),
    ],
    "periods": ["indicator", "start", "end", "target", "target_comment"],
}
READ_ONLY = {
    "programmes": [],
    "activities": [],
    "indicators": ["target", "actual", "progress"],
    "periods": ["actual"],
}
SHEETS = list(COLUMNS)
MAX_ROWS = 5000


def max_import_bytes() -> int:
    return getattr(settings, "IMPORT_MAX_BYTES", 10 * 1024 * 1024)


# -- export ---------------------------------------------------------------------------------


def _text(obj, name: str, language: str) -> str:
    for row in obj.translations.all():
        if row.language_code == language:
            return getattr(row, name, "") or ""
    return ""


def _translations(obj, name: str) -> list[str]:
    return [_text(obj, name, code) for code in LANGUAGES]


def _round(value) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(round(value, 1)))


def tables(partnership) -> dict[str, list[list]]:
    """Header and rows of each table, as Python values (str, Decimal, date, bool, int, None)."""
    tree = selectors.results_tree(partnership)
    programmes = {row.programme.pk: row.programme for row in tree}
    lead = defaultdict(list)
    for programme in Programme.objects.filter(pk__in=programmes).prefetch_related("lead_agencies"):
        lead[programme.pk] = sorted(org.slug for org in programme.lead_agencies.all())
    out: dict[str, list[list]] = {sheet: [COLUMNS[sheet] + READ_ONLY[sheet]] for sheet in SHEETS}
    for row in tree:
        programme = row.programme
        out["programmes"].append(
            [
                programme.code,
                programme.pillar.code,
                programme.status,
                programme.weight,
                programme.is_public,
                ";".join(lead[programme.pk]),
                *_translations(programme, "title"),
                *_translations(programme, "description"),
            ]
        )
    activities = (
        Activity.objects.filter(programme__in=programmes)
        .select_related("programme")
        .prefetch_related("translations")
        .order_by("programme__pillar__position", "programme__code", "code")
    )
    for activity in activities:
        out["activities"].append(
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
                *_translations(activity, "title"),
                *_translations(activity, "description"),
            ]
        )
    for row in tree:
        for result_row in row.results:
            result = result_row.result
            for item in sorted(result_row.indicators, key=lambda i: i.indicator.code):
                indicator = item.indicator
                out["indicators"].append(
                    [
                        row.programme.code,
                        indicator.code,
                        result.result_type,
                        result.status,
                        result.weight,
                        *_translations(result, "title"),
                        indicator.measure,
                        indicator.ascending,
                        indicator.cumulative,
                        indicator.unit,
                        indicator.baseline_year,
                        indicator.baseline_value,
                        indicator.weight,
                        *_translations(indicator, "title"),
                        item.target,
                        item.actual,
                        _round(item.progress),
                    ]
                )
                datum = selectors.indicator_data(indicator)
                for period, period_datum in zip(
                    indicator.periods.all(), datum.periods, strict=True
                ):
                    actual = (
                        progress.period_actual(period_datum, indicator.cumulative)
                        if indicator.is_quantitative
                        else None
                    )
                    out["periods"].append(
                        [
                            indicator.code,
                            period.start,
                            period.end,
                            period.target_value,
                            period.target_comment,
                            actual,
                        ]
                    )
    return out


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return _plain(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def table_csv(rows: list[list]) -> bytes:
    """One table as CSV: UTF-8 with a byte-order mark, so that spreadsheet programs read the
    Japanese titles correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_cell_text(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


_ZIP_DATE = (2026, 1, 1, 0, 0, 0)  # fixed, so that the same data gives the same bytes


def zip_of(files: dict[str, bytes]) -> bytes:
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
            sheet.append([_xlsx_value(v) for v in values])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    # A title that starts with "=" stays text, never becomes a formula.
                    cell.data_type = "s"
                elif isinstance(cell.value, dt.date | dt.datetime):
                    cell.number_format = "yyyy-mm-dd"
        sheet.freeze_panes = "A2"
    workbook.properties.creator = "SisterCity"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_value(value):
    if isinstance(value, Decimal):
        value = value.normalize()
        return int(value) if value == value.to_integral_value() else value
    return value


# -- import: reading ------------------------------------------------------------------------


@dataclass
class RowError:
    sheet: str
    row: int
    column: str
    message: str

    def as_dict(self) -> dict:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


class ImportRejected(SisterCityError):
    """The file has errors; nothing was written. ``errors`` lists them per row."""

    def __init__(self, errors: list[RowError]):
        super().__init__(
            _("The file has {count} errors; nothing was imported.").format(count=len(errors)),
            code="import_rejected",
        )
        self.errors = errors


@dataclass
class Sheet:
    name: str
    rows: list[tuple[int, dict]] = field(default_factory=list)


def check_size(size: int | None) -> None:
    """Refuse a file over the limit before anything reads it."""
    limit = max_import_bytes()
    if not size:
        raise SisterCityError(_("The file is empty."), code="file_empty")
    if size > limit:
        raise SisterCityError(
            _("The file is {size}; the limit is {limit}.").format(
                size=filesizeformat(size), limit=filesizeformat(limit)
            ),
            code="file_too_large",
        )


def read_workbook(data: bytes) -> tuple[dict[str, Sheet], list[RowError]]:
    """The rows of each sheet as {column: raw value}, and errors of form: missing sheets or
    columns, unknown columns, formulas, too many rows."""
    check_size(len(data))
    not_xlsx = SisterCityError(
        _("This is not an XLSX workbook. Export one from this page and fill it in."),
        code="file_type",
    )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise not_xlsx
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        # A small file that unpacks to gigabytes (a "zip bomb") is refused unread.
        if sum(info.file_size for info in archive.infolist()) > 20 * max_import_bytes():
            raise SisterCityError(
                _("The workbook unpacks to too much data."), code="file_too_large"
            )
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise not_xlsx from error
    errors: list[RowError] = []
    sheets: dict[str, Sheet] = {}
    try:
        for name in SHEETS:
            if name not in workbook.sheetnames:
                errors.append(
                    RowError(
                        name, 0, "", str(_("The sheet “{name}” is missing.").format(name=name))
                    )
                )
                continue
            sheets[name] = _read_sheet(workbook[name], name, errors)
    finally:
        workbook.close()
    return sheets, errors


def _read_sheet(worksheet, name: str, errors: list[RowError]) -> Sheet:
    sheet = Sheet(name)
    # The dimension a file declares may be wrong (some programs write none): read all rows.
    worksheet.reset_dimensions()
    rows = worksheet.iter_rows()
    header_cells = next(rows, ())
    header = [str(cell.value).strip() if cell.value is not None else "" for cell in header_cells]
    while header and header[-1] == "":
        header.pop()
    required = COLUMNS[name]
    known = set(required) | set(READ_ONLY[name])
    for column in required:
        if column not in header:
            errors.append(
                RowError(
                    name,
                    1,
                    column,
                    str(_("The column “{column}” is missing.").format(column=column)),
                )
            )
    seen = set()
    for column in header:
        if column not in known:
            errors.append(
                RowError(
                    name,
                    1,
                    column,
                    str(_("Unknown column “{column}”.").format(column=column or "?")),
                )
            )
        elif column in seen:
            errors.append(
                RowError(
                    name,
                    1,
                    column,
                    str(_("The column “{column}” appears twice.").format(column=column)),
                )
            )
        seen.add(column)
    for number, cells in enumerate(rows, start=2):
        values = {}
        empty = True
        for index, cell in enumerate(cells):
            if index >= len(header) or header[index] not in COLUMNS[name]:
                continue
            value = cell.value
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            empty = False
            if getattr(cell, "data_type", None) == "f" or (
                isinstance(value, str) and value.startswith("=")
            ):
                errors.append(
                    RowError(
                        name,
                        number,
                        header[index],
                        str(_("Formulas are not accepted; enter the value itself.")),
                    )
                )
                continue
            values[header[index]] = value.strip() if isinstance(value, str) else value
        if empty:
            continue
        if len(sheet.rows) >= MAX_ROWS:
            errors.append(
                RowError(
                    name,
                    number,
                    "",
                    str(_("A sheet may have at most {count} rows.").format(count=MAX_ROWS)),
                )
            )
            break
        sheet.rows.append((number, values))
    return sheet


# -- import: checking -----------------------------------------------------------------------


class _Skip(Exception):
    """A cell was wrong (already recorded); skip the rest of the row."""


class _Row:
    """Typed access to one row's cells; each problem becomes a RowError."""

    def __init__(self, checker, sheet: str, number: int, values: dict):
        self.checker, self.sheet, self.number, self.values = checker, sheet, number, values
        self.failed = False

    def error(self, column: str, message) -> None:
        self.failed = True
        self.checker.errors.append(RowError(self.sheet, self.number, column, str(message)))

    def raw(self, column):
        return self.values.get(column)

    def text(self, column: str, *, required=False, max_length=300) -> str:
        value = self.raw(column)
        if value is None:
            if required:
                self.error(column, _("This cell is required."))
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip()
        if len(text) > max_length:
            self.error(column, _("At most {count} characters.").format(count=max_length))
            return ""
        try:
            validate_no_markup(text)
        except ValidationError as error:
            self.error(column, error.messages[0])
            return ""
        return text

    def code(self, column: str, *, required=True) -> str:
        text = self.text(column, required=required, max_length=50)
        if text and slugify(text) != text:
            self.error(
                column,
                _(
                    "“{value}” is not a valid code: use lower-case letters, digits and hyphens."
                ).format(value=text),
            )
            return ""
        return text

    def choice(self, column: str, choices, *, default=None) -> str | None:
        value = self.raw(column)
        if value is None:
            if default is not None:
                return default
            self.error(column, _("This cell is required."))
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip()
        if text not in choices.values:
            self.error(
                column,
                _("Unknown code “{value}”; expected one of: {codes}.").format(
                    value=text, codes=", ".join(choices.values)
                ),
            )
            return None
        return text

    def boolean(self, column: str, *, default: bool) -> bool:
        value = self.raw(column)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("true", "yes", "1", "ya", "はい"):
            return True
        if text in ("false", "no", "0", "tidak", "いいえ"):
            return False
        self.error(column, _("Enter true or false."))
        return default

    def decimal(self, column: str, *, required=False, minimum=None, places=4) -> Decimal | None:
        value = self.raw(column)
        if value is None:
            if required:
                self.error(column, _("This cell is required."))
            return None
        if isinstance(value, bool) or isinstance(value, dt.date | dt.datetime):
            self.error(column, _("“{value}” is not a number.").format(value=value))
            return None
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            self.error(column, _("“{value}” is not a number.").format(value=value))
            return None
        if not number.is_finite():
            self.error(column, _("“{value}” is not a number.").format(value=value))
            return None
        if minimum is not None and number < minimum:
            self.error(column, _("The number must be at least {minimum}.").format(minimum=minimum))
            return None
        if abs(number) >= Decimal(10) ** 13:
            self.error(column, _("The number is too large."))
            return None
        quantum = Decimal(1).scaleb(-places)
        if number != number.quantize(quantum):
            self.error(
                column,
                _("At most {places} decimal places.").format(places=places),
            )
            return None
        return number

    def integer(self, column: str, *, minimum: int, maximum: int) -> int | None:
        number = self.decimal(column, places=0)
        if number is None:
            return None
        if not minimum <= number <= maximum:
            self.error(
                column,
                _("Enter a whole number from {minimum} to {maximum}.").format(
                    minimum=minimum, maximum=maximum
                ),
            )
            return None
        return int(number)

    def date(self, column: str, *, required=False) -> dt.date | None:
        value = self.raw(column)
        if value is None:
            if required:
                self.error(column, _("This cell is required."))
            return None
        if isinstance(value, dt.datetime):
            if value.time() != dt.time(0):
                self.error(column, _("Enter a date without a time."))
                return None
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            self.error(
                column,
                _("“{value}” is not a date; write it as YYYY-MM-DD.").format(value=value),
            )
            return None

    def titles(self, prefix: str, *, required=True) -> dict[str, str]:
        texts = {code: self.text(f"{prefix}_{code}") for code in LANGUAGES}
        texts = {code: text for code, text in texts.items() if text}
        if required and not texts and not self.failed:
            self.error(
                f"{prefix}_id",
                _("Give the title in at least one language."),
            )
        return texts

    def long_texts(self, prefix: str) -> dict[str, str]:
        texts = {code: self.text(f"{prefix}_{code}", max_length=10000) for code in LANGUAGES}
        return {code: text for code, text in texts.items() if text}


@dataclass
class ProgrammeRow:
    row: int
    code: str
    pillar: object
    status: str
    weight: Decimal
    is_public: bool
    lead_agencies: list
    titles: dict
    descriptions: dict
    existing: Programme | None


@dataclass
class ActivityRow:
    row: int
    programme: str
    code: str
    fields: dict
    titles: dict
    descriptions: dict
    existing: Activity | None


@dataclass
class IndicatorRow:
    row: int
    programme: str
    code: str
    result: dict
    result_titles: dict
    fields: dict
    titles: dict
    existing: Indicator | None


@dataclass
class PeriodRow:
    row: int
    indicator: str
    start: dt.date
    end: dt.date
    target_value: Decimal | None
    target_comment: str
    existing: Period | None


@dataclass
class Plan:
    programmes: list[ProgrammeRow] = field(default_factory=list)
    activities: list[ActivityRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    periods: list[PeriodRow] = field(default_factory=list)


class _Checker:
    def __init__(self, *, actor, partnership, progress: Callable[[float], None]):
        self.actor = actor
        self.partnership = partnership
        self.progress = progress
        self.errors: list[RowError] = []
        self.pillars = {p.code: p for p in partnership.pillars.prefetch_related("translations")}
        self.programmes = {
            x.code: x
            for x in Programme.objects.filter(partnership=partnership)
            .select_related("pillar")
            .prefetch_related("translations", "lead_agencies")
        }
        self.activities = {
            (x.programme.code, x.code): x
            for x in Activity.objects.filter(programme__partnership=partnership)
            .select_related("programme")
            .prefetch_related("translations")
        }
        self.indicators = {
            x.code: x
            for x in Indicator.objects.filter(result__programme__partnership=partnership)
            .select_related("result__programme")
            .prefetch_related("translations", "result__translations")
        }
        self.periods = defaultdict(list)
        for period in Period.objects.filter(
            indicator__result__programme__partnership=partnership
        ).select_related("indicator"):
            self.periods[period.indicator.code].append(period)
        self.organisations = {o.slug: o for o in Organisation.objects.all()}
        self._editable: dict[int, bool] = {}
        self.plan = Plan()
        # programme code -> pillar after the import (for permission checks of child rows)
        self.final_pillar: dict[str, object] = {
            code: p.pillar for code, p in self.programmes.items()
        }
        self.final_measure: dict[str, str] = {
            code: i.measure for code, i in self.indicators.items()
        }

    def may_edit(self, pillar) -> bool:
        if pillar.pk not in self._editable:
            self._editable[pillar.pk] = services.can_edit_pillar(
                self.actor, self.partnership, pillar.pk
            )
        return self._editable[pillar.pk]

    def forbid(self, row: _Row, column: str, pillar) -> None:
        row.error(
            column,
            _("You may not edit programmes of the pillar “{pillar}”.").format(pillar=pillar),
        )

    def check(self, sheets: dict[str, Sheet]) -> Plan:
        total = sum(len(s.rows) for s in sheets.values()) or 1
        done = 0
        for name, method in (
            ("programmes", self.programme),
            ("activities", self.activity),
            ("indicators", self.indicator),
            ("periods", self.period),
        ):
            seen: dict = {}
            for number, values in sheets[name].rows if name in sheets else []:
                row = _Row(self, name, number, values)
                method(row, seen)
                done += 1
                if done % 20 == 0:
                    self.progress(done / total)
        if "indicators" in sheets:
            self.results_agree()
        if "periods" in sheets:
            self.periods_do_not_overlap()
        return self.plan

    def duplicate(self, row: _Row, seen: dict, key, column: str) -> bool:
        if key in seen:
            row.error(
                column,
                _("Duplicate identifier: already on row {row}.").format(row=seen[key]),
            )
            return True
        seen[key] = row.number
        return False

    def programme(self, row: _Row, seen) -> None:
        code = row.code("code")
        pillar_code = row.code("pillar")
        pillar = self.pillars.get(pillar_code) if pillar_code else None
        if pillar_code and pillar is None:
            row.error(
                "pillar",
                _("Unknown pillar “{code}” for this partnership.").format(code=pillar_code),
            )
        status = row.choice("status", c.ActivityStatus, default=c.ActivityStatus.IMPLEMENTATION)
        weight = row.decimal("weight", minimum=Decimal(0), places=2)
        is_public = row.boolean("public", default=False)
        agencies = []
        for slug in (row.text("lead_agencies", max_length=1000) or "").split(";"):
            slug = slug.strip()
            if not slug:
                continue
            if slug not in self.organisations:
                row.error("lead_agencies", _("Unknown organisation “{code}”.").format(code=slug))
            else:
                agencies.append(self.organisations[slug])
        titles = row.titles("title")
        descriptions = row.long_texts("description")
        if code and self.duplicate(row, seen, code, "code"):
            return
        existing = self.programmes.get(code)
        if pillar is not None and not self.may_edit(pillar):
            self.forbid(row, "pillar", pillar)
        if existing is not None and not self.may_edit(existing.pillar):
            self.forbid(row, "code", existing.pillar)
        if row.failed:
            return
        self.final_pillar[code] = pillar
        self.plan.programmes.append(
            ProgrammeRow(
                row=row.number,
                code=code,
                pillar=pillar,
                status=status,
                weight=weight if weight is not None else Decimal(1),
                is_public=is_public,
                lead_agencies=agencies,
                titles=titles,
                descriptions=descriptions,
                existing=existing,
            )
        )

    def _programme_of(self, row: _Row, column="programme") -> str:
        code = row.code(column)
        if code and code not in self.final_pillar:
            row.error(column, _("Unknown programme “{code}”.").format(code=code))
            return ""
        if code and self.final_pillar[code] is not None:
            pillar = self.final_pillar[code]
            if not self.may_edit(pillar):
                self.forbid(row, column, pillar)
        return code

    def activity(self, row: _Row, seen) -> None:
        programme = self._programme_of(row)
        code = row.code("code")
        fields = {
            "status": row.choice("status", c.ActivityStatus, default=c.ActivityStatus.PIPELINE),
            "planned_start": row.date("planned_start"),
            "planned_end": row.date("planned_end"),
            "actual_start": row.date("actual_start"),
            "actual_end": row.date("actual_end"),
            "sector_code": row.text("sector_code", max_length=5),
            "is_public": row.boolean("public", default=False),
        }
        if fields["sector_code"] and not (
            fields["sector_code"].isdigit() and len(fields["sector_code"]) == 5
        ):
            row.error("sector_code", _("An OECD-DAC sector code has five digits."))
        for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
            if fields[start] and fields[end] and fields[end] < fields[start]:
                row.error(end, _("An activity cannot end before it starts."))
        titles = row.titles("title")
        descriptions = row.long_texts("description")
        if programme and code and self.duplicate(row, seen, (programme, code), "code"):
            return
        if row.failed:
            return
        self.plan.activities.append(
            ActivityRow(
                row=row.number,
                programme=programme,
                code=code,
                fields=fields,
                titles=titles,
                descriptions=descriptions,
                existing=self.activities.get((programme, code)),
            )
        )

    def indicator(self, row: _Row, seen) -> None:
        programme = self._programme_of(row)
        code = row.code("code")
        result = {
            "result_type": row.choice("result_type", c.ResultType),
            "status": row.choice(
                "result_status", c.ResultStatus, default=c.ResultStatus.NOT_STARTED
            ),
            "weight": row.decimal("result_weight", minimum=Decimal(0), places=2),
        }
        if result["weight"] is None:
            result["weight"] = Decimal(1)
        result_titles = row.titles("result_title")
        measure = row.choice("measure", c.IndicatorMeasure)
        fields = {
            "measure": measure,
            "ascending": row.boolean("ascending", default=True),
            "cumulative": row.boolean("cumulative", default=True),
            "unit": row.text("unit", max_length=40),
            "baseline_year": row.integer("baseline_year", minimum=1900, maximum=2100),
            "baseline_value": row.decimal("baseline_value"),
            "weight": row.decimal("weight", minimum=Decimal(0), places=2),
        }
        if fields["weight"] is None:
            fields["weight"] = Decimal(1)
        titles = row.titles("title")
        if code and self.duplicate(row, seen, code, "code"):
            return
        existing = self.indicators.get(code)
        if existing is not None and programme and existing.result.programme.code != programme:
            row.error(
                "programme",
                _(
                    "The indicator “{code}” belongs to the programme “{programme}”; it cannot "
                    "be moved to another programme."
                ).format(code=code, programme=existing.result.programme.code),
            )
        if row.failed:
            return
        self.final_measure[code] = measure
        self.plan.indicators.append(
            IndicatorRow(
                row=row.number,
                programme=programme,
                code=code,
                result=result,
                result_titles=result_titles,
                fields=fields,
                titles=titles,
                existing=existing,
            )
        )

    def results_agree(self) -> None:
        """Rows of one existing result must say the same about it."""
        by_result: dict[int, IndicatorRow] = {}
        for item in self.plan.indicators:
            if item.existing is None:
                continue
            first = by_result.setdefault(item.existing.result_id, item)
            if (first.result, first.result_titles) != (item.result, item.result_titles):
                self.errors.append(
                    RowError(
                        "indicators",
                        item.row,
                        "result_title_id",
                        str(
                            _(
                                "Row {row} describes the same result differently; make the "
                                "result columns the same."
                            ).format(row=first.row)
                        ),
                    )
                )

    def period(self, row: _Row, seen) -> None:
        code = row.code("indicator")
        if code and code not in self.final_measure:
            row.error("indicator", _("Unknown indicator “{code}”.").format(code=code))
            code = ""
        start = row.date("start", required=True)
        end = row.date("end", required=True)
        target = row.decimal("target")
        comment = row.text("target_comment")
        if start and end and end < start:
            row.error("end", _("A period cannot end before it starts."))
        if (
            code
            and target is not None
            and self.final_measure[code] == c.IndicatorMeasure.QUALITATIVE
        ):
            row.error("target", _("A qualitative indicator takes a target comment, not a number."))
        if code:
            indicator = self.indicators.get(code)
            pillar = self.final_pillar.get(
                indicator.result.programme.code if indicator else self._programme_of_new(code)
            )
            if pillar is not None and not self.may_edit(pillar):
                self.forbid(row, "indicator", pillar)
        if code and start and self.duplicate(row, seen, (code, start), "start"):
            return
        if row.failed:
            return
        existing = next((p for p in self.periods.get(code, []) if p.start == start), None)
        if (
            existing is not None
            and existing.is_locked
            and (
                existing.end,
                existing.target_value,
                existing.target_comment,
            )
            != (end, target, comment)
        ):
            row.error("start", _("This period is locked: it cannot be changed."))
            return
        self.plan.periods.append(
            PeriodRow(
                row=row.number,
                indicator=code,
                start=start,
                end=end,
                target_value=target,
                target_comment=comment,
                existing=existing,
            )
        )

    def _programme_of_new(self, indicator_code: str) -> str:
        for item in self.plan.indicators:
            if item.code == indicator_code:
                return item.programme
        return ""

    def periods_do_not_overlap(self) -> None:
        final: dict[str, dict[dt.date, tuple[dt.date, int | None]]] = defaultdict(dict)
        for code, periods in self.periods.items():
            for period in periods:
                final[code][period.start] = (period.end, None)
        for item in self.plan.periods:
            final[item.indicator][item.start] = (item.end, item.row)
        for spans in final.values():
            ordered = sorted((start, end, row) for start, (end, row) in spans.items())
            for (_s1, end1, _r1), (start2, _e2, row2) in zip(ordered, ordered[1:], strict=False):
                if start2 <= end1:
                    self.errors.append(
                        RowError(
                            "periods",
                            row2 or 0,
                            "start",
                            str(_("This period overlaps another period of the indicator.")),
                        )
                    )


# -- import: writing ------------------------------------------------------------------------


def _set_translations(obj, texts_by_field: dict[str, dict[str, str]]) -> bool:
    """Set the given texts; return whether anything changed (and save only then)."""
    changed = False
    for field_name, texts in texts_by_field.items():
        for language, text in texts.items():
            if _text(obj, field_name, language) == text:
                continue
            obj.set_current_language(language)
            setattr(obj, field_name, text)
            changed = True
    return changed


def _assign(obj, values: dict) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _save(obj, *, changed: bool) -> None:
    if not changed:
        return
    try:
        obj.full_clean()
    except ValidationError as error:
        raise SisterCityError("; ".join(error.messages), code="invalid") from error
    obj.save()


def _first(texts: dict[str, str]) -> tuple[str, str]:
    for code in LANGUAGES:
        if texts.get(code):
            return code, texts[code]
    return LANGUAGES[0], ""


def _add_other_languages(obj, texts_by_field: dict[str, dict[str, str]], language: str) -> None:
    others = {
        name: {code: text for code, text in texts.items() if code != language}
        for name, texts in texts_by_field.items()
    }
    if _set_translations(obj, others):
        obj.save()


@dataclass
class ImportSummary:
    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def as_dict(self) -> dict:
        return {"created": dict(self.created), "updated": dict(self.updated)}


class _Writer:
    def __init__(self, *, actor, partnership, plan: Plan):
        self.actor, self.partnership, self.plan = actor, partnership, plan
        self.summary = ImportSummary()
        self.programmes = {x.code: x for x in Programme.objects.filter(partnership=partnership)}
        self.indicators: dict[str, Indicator] = {}

    def run(self) -> ImportSummary:
        for sheet, items, method in (
            ("programmes", self.plan.programmes, self.programme),
            ("activities", self.plan.activities, self.activity),
            ("indicators", self.plan.indicators, self.indicator),
            ("periods", self.plan.periods, self.period),
        ):
            for item in items:
                try:
                    method(item)
                except SisterCityError as error:
                    raise ImportRejected([RowError(sheet, item.row, "", str(error))]) from error
                except Http404 as error:
                    raise ImportRejected(
                        [RowError(sheet, item.row, "", str(_("Not found.")))]
                    ) from error
        return self.summary

    def programme(self, item: ProgrammeRow) -> None:
        texts = {"title": item.titles, "description": item.descriptions}
        if item.existing is None:
            language, title = _first(item.titles)
            programme = services.programme_create(
                actor=self.actor,
                partnership=self.partnership,
                pillar=item.pillar,
                code=item.code,
                title=title,
                description=item.descriptions.get(language, ""),
                language=language,
                status=item.status,
                is_public=item.is_public,
                weight=item.weight,
                lead_agencies=item.lead_agencies,
            )
            _add_other_languages(programme, texts, language)
            self.programmes[item.code] = programme
            self.summary.created["programmes"] += 1
            return
        programme = item.existing
        if (
            item.pillar.pk != programme.pillar_id
            and not self.partnership.pillars.filter(pk=item.pillar.pk).exists()
        ):
            raise SisterCityError(_("Unknown pillar."), code="pillar")
        changed = _assign(
            programme,
            {
                "pillar": item.pillar,
                "status": item.status,
                "weight": item.weight,
                "is_public": item.is_public,
            },
        )
        changed = _set_translations(programme, texts) or changed
        _save(programme, changed=changed)
        agencies = {o.pk for o in item.lead_agencies}
        if {o.pk for o in programme.lead_agencies.all()} != agencies:
            programme.lead_agencies.set(item.lead_agencies)
            changed = True
        if changed:
            self.summary.updated["programmes"] += 1

    def activity(self, item: ActivityRow) -> None:
        texts = {"title": item.titles, "description": item.descriptions}
        if item.existing is None:
            language, title = _first(item.titles)
            activity = services.activity_create(
                actor=self.actor,
                programme=self.programmes[item.programme],
                code=item.code,
                title=title,
                description=item.descriptions.get(language, ""),
                language=language,
                **item.fields,
            )
            _add_other_languages(activity, texts, language)
            self.summary.created["activities"] += 1
            return
        activity = item.existing
        changed = _assign(activity, item.fields)
        changed = _set_translations(activity, texts) or changed
        _save(activity, changed=changed)
        if changed:
            self.summary.updated["activities"] += 1

    def _result_for(self, item: IndicatorRow) -> Result:
        programme = self.programmes[item.programme]
        if item.existing is not None:
            result = item.existing.result
        else:
            result = None
            for candidate in programme.results.prefetch_related("translations"):
                if item.result_titles and all(
                    _text(candidate, "title", code) == text
                    for code, text in item.result_titles.items()
                ):
                    result = candidate
                    break
            if result is None:
                language, title = _first(item.result_titles)
                result = services.result_create(
                    actor=self.actor,
                    programme=programme,
                    result_type=item.result["result_type"],
                    title=title,
                    language=language,
                    status=item.result["status"],
                    weight=item.result["weight"],
                )
                _add_other_languages(result, {"title": item.result_titles}, language)
                self.summary.created["results"] += 1
                return result
        changed = _assign(result, item.result)
        changed = _set_translations(result, {"title": item.result_titles}) or changed
        _save(result, changed=changed)
        if changed:
            self.summary.updated["results"] += 1
        return result

    def indicator(self, item: IndicatorRow) -> None:
        result = self._result_for(item)
        if item.existing is None:
            language, title = _first(item.titles)
            indicator = services.indicator_create(
                actor=self.actor,
                result=result,
                code=item.code,
                title=title,
                language=language,
                **item.fields,
            )
            _add_other_languages(indicator, {"title": item.titles}, language)
            self.indicators[item.code] = indicator
            self.summary.created["indicators"] += 1
            return
        indicator = item.existing
        changed = _assign(indicator, item.fields)
        changed = _set_translations(indicator, {"title": item.titles}) or changed
        _save(indicator, changed=changed)
        self.indicators[item.code] = indicator
        if changed:
            self.summary.updated["indicators"] += 1

    def period(self, item: PeriodRow) -> None:
        indicator = self.indicators.get(item.indicator) or Indicator.objects.get(
            result__programme__partnership=self.partnership, code=item.indicator
        )
        if item.existing is None:
            services.period_create(
                actor=self.actor,
                indicator=indicator,
                start=item.start,
                end=item.end,
                target_value=item.target_value,
                target_comment=item.target_comment,
            )
            self.summary.created["periods"] += 1
            return
        period = item.existing
        changed = _assign(
            period,
            {
                "end": item.end,
                "target_value": item.target_value,
                "target_comment": item.target_comment,
            },
        )
        _save(period, changed=changed)
        if changed:
            self.summary.updated["periods"] += 1


def import_xlsx(
    *,
    actor,
    partnership: Partnership,
    data: bytes,
    on_progress: Callable[[float], None] = lambda fraction: None,
) -> ImportSummary:
    """Check the whole workbook, then write all of it or nothing.

    Raises ImportRejected (with per-row errors) or SisterCityError (a file that cannot be read
    at all); Http404 for a user who cannot see the partnership. ``on_progress`` receives 0–1 while
    rows are checked (the writing is one transaction, reported when it ends).
    """
    if not Partnership.objects.for_user(actor, Action.VIEW).filter(pk=partnership.pk).exists():
        raise Http404
    may_edit_something = Partnership.objects.for_user(actor, Action.CHANGE).filter(
        pk=partnership.pk
    ).exists() or bool(services.agency_officer_pillars(actor, partnership))
    if not may_edit_something:
        raise SisterCityError(
            _("Your role does not allow this action on this partnership."),
            code="forbidden",
            status=403,
        )
    sheets, errors = read_workbook(data)
    checker = _Checker(actor=actor, partnership=partnership, progress=on_progress)
    checker.errors.extend(errors)
    plan = checker.check(sheets)
    if checker.errors:
        raise ImportRejected(sorted(checker.errors, key=lambda e: (SHEETS.index(e.sheet), e.row)))
    on_progress(1.0)
    with transaction.atomic(), set_actor(actor):
        return _Writer(actor=actor, partnership=partnership, plan=plan).run()


def filename(partnership, extension: str) -> str:
    return f"programmes-{partnership.slug}.{extension}"
