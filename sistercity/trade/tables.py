"""Enterprises in and out of spreadsheets.

Import (XLSX, one sheet ``enterprises``): all or nothing. Every row is checked with the same
rules as the form (``services.enterprise_problems``) and against the other rows and the
registry (NIB twice); when anything is wrong the whole file is refused with one error per row
and column (``programs.tabular`` errors, as the programmes import reports them) and nothing is
written. Exports (XLSX and CSV) go through ``core.spreadsheets`` (formula injection quoted).
"""

import io
import zipfile
from decimal import Decimal, InvalidOperation
from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook, load_workbook

from sistercity.core import spreadsheets
from sistercity.core.errors import SisterCityError
from sistercity.programs.tabular.errors import ImportRejected, RowError
from sistercity.programs.tabular.read import check_size
from sistercity.trade.models import Enterprise
from sistercity.trade.services import enterprise_create, enterprise_problems, require_staff

SHEET = "enterprises"
COLUMNS = (
    "legal_name",
    "trade_name",
    "nib",
    "kbli_codes",
    "capital_idr",
    "annual_sales_idr",
    "kecamatan",
    "desa",
    "owner_name",
    "phone",
    "email",
    "employees_women",
    "employees_men",
    "year_founded",
)
REQUIRED = ("legal_name", "nib", "kbli_codes", "kecamatan", "owner_name")
NUMBERS = ("capital_idr", "annual_sales_idr")
INTEGERS = ("employees_women", "employees_men", "year_founded")
MAX_ROWS = 2000


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(spreadsheets.restore(value)).strip()


def _row(raw: dict[str, Any], number: int, errors: list[RowError]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for column in COLUMNS:
        text = _text(raw.get(column))
        if column == "kbli_codes":
            data[column] = [code.strip() for code in text.replace(";", ",").split(",") if code]
        elif column in NUMBERS + INTEGERS:
            if not text:
                data[column] = 0 if column.startswith("employees") else None
                continue
            try:
                value = Decimal(text)
                data[column] = int(value) if column in INTEGERS else value
            except InvalidOperation:
                message = _("“{value}” is not a number.").format(value=text)
                errors.append(RowError(SHEET, number, column, str(message)))
                data[column] = None
        else:
            data[column] = text
    return data


def _open(data: bytes) -> Any:
    check_size(len(data))
    not_xlsx = SisterCityError(
        _("This is not an XLSX workbook. Download the template and fill it in."),
        code="file_type",
    )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise not_xlsx
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise not_xlsx from error


def read_rows(data: bytes) -> tuple[list[tuple[int, dict[str, Any]]], list[RowError]]:
    """The sheet's rows as (row number, fields), and the errors of form and content."""
    workbook = _open(data)
    errors: list[RowError] = []
    rows: list[tuple[int, dict[str, Any]]] = []
    try:
        if SHEET not in workbook.sheetnames:
            message = _("The sheet “{name}” is missing.").format(name=SHEET)
            return [], [RowError(SHEET, 0, "", str(message))]
        lines = workbook[SHEET].iter_rows(values_only=True)
        header = [_text(cell) for cell in next(lines, ())]
        for column in REQUIRED:
            if column not in header:
                message = _("The column “{column}” is missing.").format(column=column)
                errors.append(RowError(SHEET, 1, column, str(message)))
        for number, cells in enumerate(lines, start=2):
            raw = dict(zip(header, cells, strict=False))
            if all(value in (None, "") for value in raw.values()):
                continue
            if len(rows) >= MAX_ROWS:
                message = _("A sheet may have at most {count} rows.").format(count=MAX_ROWS)
                errors.append(RowError(SHEET, number, "", str(message)))
                break
            rows.append((number, _row(raw, number, errors)))
    finally:
        workbook.close()
    return rows, errors


def _content_errors(partnership: Any, rows: list[tuple[int, dict[str, Any]]]) -> list[RowError]:
    errors = []
    registered = set(
        Enterprise.objects.filter(partnership=partnership).values_list("nib", flat=True)
    )
    seen: dict[str, int] = {}
    for number, data in rows:
        for column, message in enterprise_problems(data):
            errors.append(RowError(SHEET, number, column, message))
        nib = data["nib"]
        if nib in registered:
            message = _("an enterprise with NIB {nib} is already registered.").format(nib=nib)
            errors.append(RowError(SHEET, number, "nib", str(message)))
        elif nib in seen:
            message = _("the same NIB as row {row}.").format(row=seen[nib])
            errors.append(RowError(SHEET, number, "nib", str(message)))
        seen.setdefault(nib, number)
    return errors


def enterprises_import(*, actor: Any, partnership: Any, data: bytes) -> list[Enterprise]:
    """Register every enterprise of the workbook, or none (``ImportRejected`` lists why)."""
    require_staff(actor, partnership)
    rows, errors = read_rows(data)
    errors += _content_errors(partnership, rows)
    if errors:
        raise ImportRejected(sorted(errors, key=lambda e: (e.row, e.column)))
    created = []
    with transaction.atomic(), set_actor(actor):
        for _number, fields in rows:
            created.append(enterprise_create(actor=actor, partnership=partnership, **fields))
    return created


def template_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    spreadsheets.append(sheet, COLUMNS)
    return spreadsheets.xlsx_bytes(workbook)


def _export_rows(enterprises: list[Enterprise], personal: bool) -> list[list[Any]]:
    columns = [c for c in COLUMNS if personal or c not in ("owner_name", "phone", "email")]
    rows: list[list[Any]] = [[*columns, "size_class"]]
    for enterprise in enterprises:
        values = [getattr(enterprise, c) for c in columns]
        values[columns.index("kbli_codes")] = ", ".join(enterprise.kbli_codes)
        rows.append([*values, enterprise.size_class])
    return rows


def export_xlsx(enterprises: list[Enterprise], *, personal: bool) -> bytes:
    """The registry as a workbook; without the owners' personal data unless ``personal``."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    for row in _export_rows(enterprises, personal):
        spreadsheets.append(sheet, row)
    return spreadsheets.xlsx_bytes(workbook)


def export_csv(enterprises: list[Enterprise], *, personal: bool) -> bytes:
    return spreadsheets.csv_bytes(_export_rows(enterprises, personal))


def _product_rows(products: list[Any]) -> list[list[Any]]:
    rows: list[list[Any]] = [
        [
            "id",
            "enterprise_nib",
            "hs_code",
            "name_id",
            "name_ja",
            "name_en",
            "monthly_capacity_kg",
            "price_idr",
            "fob_jpy",
            "organic_claim",
            "is_published",
        ]
    ]
    for p in products:
        names = {t.language_code: t.name for t in p.translations.all()}
        rows.append(
            [
                p.pk,
                p.enterprise.nib,
                p.hs_code,
                names.get("id", ""),
                names.get("ja", ""),
                names.get("en", ""),
                p.monthly_capacity,
                p.price_idr,
                p.fob_jpy,
                p.organic_claim,
                p.is_published,
            ]
        )
    return rows


def _permit_rows(permits: list[Any]) -> list[list[Any]]:
    rows: list[list[Any]] = [
        [
            "id",
            "enterprise_nib",
            "kind",
            "number",
            "issuer",
            "issued_on",
            "expires_on",
            "products",
            "verified",
        ]
    ]
    for p in permits:
        rows.append(
            [
                p.pk,
                p.enterprise.nib,
                p.kind,
                p.number,
                p.issuer,
                p.issued_on,
                p.expires_on,
                ", ".join(str(product.pk) for product in p.products.all()),
                p.verified_by_id is not None,
            ]
        )
    return rows


def _deal_rows(leads: list[Any]) -> list[list[Any]]:
    rows: list[list[Any]] = [
        [
            "lead",
            "buyer",
            "inquiry",
            "product",
            "stage",
            "stage_since",
            "lost_reason",
            "orders",
            "order_value_jpy",
        ]
    ]
    for lead in leads:
        orders = list(lead.orders.all())
        rows.append(
            [
                lead.pk,
                lead.inquiry.buyer.name_romaji,
                lead.inquiry.title,
                lead.product_id,
                lead.stage,
                lead.stage_changed_on,
                lead.lost_reason,
                len(orders),
                sum((o.value_jpy for o in orders), Decimal(0)),
            ]
        )
    return rows


TABLES = {"products": _product_rows, "permits": _permit_rows, "deals": _deal_rows}


def export_table(name: str, records: list[Any], fmt: str) -> bytes:
    """Products, permits or deals as XLSX or CSV (through ``core.spreadsheets``)."""
    rows = TABLES[name](records)
    if fmt == "csv":
        return spreadsheets.csv_bytes(rows)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = name
    for row in rows:
        spreadsheets.append(sheet, row)
    return spreadsheets.xlsx_bytes(workbook)
