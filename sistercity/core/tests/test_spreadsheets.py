"""The one CSV/XLSX writer: text a spreadsheet would run as a formula is quoted (OWASP), and
the reader helper gives back exactly what was written."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from sistercity.core import spreadsheets

ATTACKS = [
    '=HYPERLINK("https://evil.example","Open")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", ATTACKS)
def test_text_that_would_run_as_a_formula_is_quoted(text):
    assert spreadsheets.neutralise(text) == "'" + text
    assert spreadsheets.restore(spreadsheets.neutralise(text)) == text


@pytest.mark.parametrize(
    "text", ["Sampah", "バタン県", "", "'quoted", "''=x", "'=x", "a=b", "12-3", "'-"]
)
def test_every_text_comes_back_as_it_was(text):
    assert spreadsheets.restore(spreadsheets.neutralise(text)) == text


def test_ordinary_text_and_numbers_are_written_unchanged():
    assert spreadsheets.neutralise("Sampah") == "Sampah"
    assert spreadsheets.neutralise(-5) == -5
    assert spreadsheets.cell_text(-5) == "-5"
    assert spreadsheets.cell_text(Decimal("-2.50")) == "-2.5"
    assert spreadsheets.cell_text(Decimal("300")) == "300"
    assert spreadsheets.cell_text(dt.date(2026, 12, 2)) == "2026-12-02"
    assert spreadsheets.cell_text(True) == "true"
    assert spreadsheets.cell_text(None) == ""


def test_csv_quotes_and_reads_back():
    rows = [["title", "value"], *([text, -1] for text in ATTACKS)]
    data = spreadsheets.csv_bytes(rows)
    assert data.startswith(b"\xef\xbb\xbf")
    written = data.decode("utf-8-sig")
    assert '"\'=HYPERLINK(""https://evil.example"",""Open"")",-1' in written
    assert "\n=" not in written and "\n+" not in written and "\n@" not in written
    assert spreadsheets.read_csv(data) == [[str(v) for v in row] for row in rows]


def test_xlsx_holds_no_formula_however_its_rows_were_added():
    workbook = Workbook()
    sheet = workbook.active
    spreadsheets.append(sheet, ATTACKS[:3])
    sheet.append(ATTACKS[3:])  # added directly, without the helper
    data = spreadsheets.xlsx_bytes(workbook)
    read = load_workbook(io.BytesIO(data))
    cells = [cell for row in read.active.iter_rows() for cell in row]
    assert all(cell.data_type == "s" for cell in cells)
    assert [spreadsheets.restore(cell.value) for cell in cells] == ATTACKS
    assert all(cell.value.startswith("'") for cell in cells)


def test_every_xlsx_opens_readable_header_frozen_columns_fitted_figures_rounded():
    workbook = Workbook()
    sheet = workbook.active
    spreadsheets.append(sheet, ["kecamatan", "tingkat daur ulang (%)", "備考"])
    spreadsheets.append(sheet, ["Batang", 80.99999999999999, "富山市の環境モデル都市の取り組み"])
    custom = workbook.create_sheet("custom")
    custom.column_dimensions["A"].width = 30
    spreadsheets.append(custom, ["a"])
    spreadsheets.append(custom, ["b"])
    read = load_workbook(io.BytesIO(spreadsheets.xlsx_bytes(workbook)))
    first = read.worksheets[0]
    assert first.freeze_panes == "A2"
    assert first["B2"].value == 81
    widths = [first.column_dimensions[c].width for c in "ABC"]
    assert widths[0] < widths[1]  # "tingkat daur ulang (%)" is longer than "Batang"
    assert widths[2] >= 2 * len("富山市の環境モデル都市の取り組み")  # full-width counts twice
    assert read["custom"].column_dimensions["A"].width == 30  # a writer's own width stays
