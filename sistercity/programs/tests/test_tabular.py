"""CSV and XLSX export of programmes, activities and indicators; XLSX import that checks every
row first and then writes all or nothing."""

import csv
import io
import zipfile
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.http import Http404
from django.utils import translation
from openpyxl import load_workbook

from sistercity.core.errors import SisterCityError
from sistercity.programs import tabular
from sistercity.programs.models import Activity, Indicator, Period, Programme
from sistercity.reports.tests.plan import build_plan
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db

APPS = ("programs", "auditlog")


@pytest.fixture
def plan(demo):
    return build_plan(demo)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _workbook(data: bytes):
    return load_workbook(io.BytesIO(data))


def _save(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _values(data: bytes) -> dict[str, list[tuple]]:
    workbook = load_workbook(io.BytesIO(data))
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in workbook.worksheets}


def _row(sheet, column: str, value) -> int:
    """Row number (1-based) of the first row whose ``column`` equals ``value``."""
    header = [cell.value for cell in sheet[1]]
    index = header.index(column)
    for number, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        if row[index] == value:
            return number
    raise AssertionError(f"{value} not in {column}")


def _set(sheet, row: int, column: str, value) -> None:
    header = [cell.value for cell in sheet[1]]
    sheet.cell(row=row, column=header.index(column) + 1, value=value)


def _state():
    """Everything an import could touch, to compare before and after."""
    return (
        db_snapshot(*APPS),
        sorted((p.code, p.updated_at, p.status, p.is_public) for p in Programme.objects.all()),
        sorted((a.code, a.updated_at) for a in Activity.objects.all()),
        sorted((i.code, i.updated_at) for i in Indicator.objects.all()),
        sorted((p.pk, p.updated_at, p.target_value) for p in Period.objects.all()),
    )


def test_xlsx_has_one_sheet_per_table_with_stable_columns(partnership, plan):
    values = _values(tabular.export_xlsx(partnership))
    assert list(values) == ["programmes", "activities", "indicators", "periods"]
    assert values["programmes"][0][:6] == (
        "code",
        "pillar",
        "status",
        "weight",
        "public",
        "lead_agencies",
    )
    rows = {row[0]: row for row in values["programmes"][1:]}
    waste = rows["t-waste-sorting"]
    assert waste[1:6] == ("environment", "2", 1, True, "batang-dlh;toyama")
    assert waste[6:9] == (
        "Percontohan pemilahan sampah",
        "ごみ分別モデル事業",
        "Waste-sorting pilot",
    )


def test_indicator_actuals_count_approved_updates_only(partnership, plan):
    values = _values(tabular.export_xlsx(partnership))
    header = values["indicators"][0]
    row = next(r for r in values["indicators"][1:] if r[1] == "t-officers-trained")
    as_dict = dict(zip(header, row, strict=True))
    assert as_dict["target"] == 40
    assert as_dict["actual"] == 12  # the submitted 5 is not approved
    assert as_dict["progress"] == 30
    periods = [dict(zip(values["periods"][0], r, strict=True)) for r in values["periods"][1:]]
    trained = [p for p in periods if p["indicator"] == "t-officers-trained"]
    assert [(p["target"], p["actual"]) for p in trained] == [(20, 12), (20, None)]


def test_csv_zip_has_one_utf8_file_per_table(partnership, plan):
    archive = zipfile.ZipFile(io.BytesIO(tabular.export_csv_zip(partnership)))
    assert archive.namelist() == [
        "programmes.csv",
        "activities.csv",
        "indicators.csv",
        "periods.csv",
    ]
    text = archive.read("programmes.csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    waste = next(r for r in rows if r["code"] == "t-waste-sorting")
    assert waste["title_ja"] == "ごみ分別モデル事業"
    assert waste["public"] == "true"
    single = tabular.export_csv(partnership, "activities").decode("utf-8-sig")
    assert single.splitlines()[0].startswith("programme,code,status,planned_start")
    assert "training-2026" in single


def test_round_trip_export_import_export_changes_nothing(partnership, plan, sari):
    first_xlsx = tabular.export_xlsx(partnership)
    first_csv = tabular.export_csv_zip(partnership)
    before = _state()
    log_entries = LogEntry.objects.count()
    summary = tabular.import_xlsx(actor=sari, partnership=partnership, data=first_xlsx)
    assert summary.as_dict() == {"created": {}, "updated": {}}
    assert _state() == before
    assert LogEntry.objects.count() == log_entries
    assert tabular.export_csv_zip(partnership) == first_csv
    assert _values(tabular.export_xlsx(partnership)) == _values(first_xlsx)


def test_import_creates_and_updates(partnership, plan, sari):
    workbook = _workbook(tabular.export_xlsx(partnership))
    programmes = workbook["programmes"]
    _set(programmes, _row(programmes, "code", "t-waste-sorting"), "title_en", "Sorting pilot")
    programmes.append(
        ["t-compost", "environment", "1", 2, False, "batang-dlh", "Kompos", "堆肥", "", "", "", ""]
    )
    workbook["activities"].append(
        ["t-compost", "bins", "1", "2026-03-01", "2026-05-31", None, None, "", True, "Tong kompos"]
    )
    workbook["indicators"].append(
        ["t-compost", "t-bins-delivered", "1", "in_progress", 1, "Tong terkirim", "", "",
         "1", True, True, "unit", 2025, 0, 1, "Tong kompos terkirim", "", "Bins delivered"]
    )  # fmt: skip
    workbook["periods"].append(["t-bins-delivered", "2026-01-01", "2026-12-31", 500, ""])
    periods = workbook["periods"]
    row = _row(periods, "indicator", "t-sorting-rate")
    _set(periods, row, "target", 35)

    summary = tabular.import_xlsx(actor=sari, partnership=partnership, data=_save(workbook))

    assert summary.as_dict() == {
        "created": {"programmes": 1, "activities": 1, "results": 1, "indicators": 1, "periods": 1},
        "updated": {"programmes": 1, "periods": 1},
    }
    compost = Programme.objects.get(code="t-compost")
    assert compost.safe_translation_getter("title", language_code="ja") == "堆肥"
    assert compost.weight == 2 and compost.status == "1"
    assert list(compost.lead_agencies.values_list("slug", flat=True)) == ["batang-dlh"]
    bins = Indicator.objects.get(code="t-bins-delivered")
    assert bins.result.programme == compost
    assert bins.safe_translation_getter("title", language_code="en") == "Bins delivered"
    assert bins.periods.get().target_value == 500
    waste = Programme.objects.get(code="t-waste-sorting")
    assert waste.safe_translation_getter("title", language_code="en") == "Sorting pilot"
    assert waste.safe_translation_getter("title", language_code="ja") == "ごみ分別モデル事業"
    assert Period.objects.get(indicator__code="t-sorting-rate").target_value == 35
    # Imported by Sari: the change log names her.
    assert LogEntry.objects.filter(actor=sari, object_repr__contains="Kompos").exists()


def _reject(partnership, actor, data) -> list[dict]:
    before = _state()
    with pytest.raises(tabular.ImportRejected) as rejected:
        tabular.import_xlsx(actor=actor, partnership=partnership, data=data)
    assert _state() == before
    assert "nothing was imported" in str(rejected.value)
    return [e.as_dict() for e in rejected.value.errors]


def _broken(partnership, change) -> bytes:
    workbook = _workbook(tabular.export_xlsx(partnership))
    change(workbook)
    return _save(workbook)


def test_wrong_columns_are_reported_on_the_header_row(partnership, plan, sari):
    def change(workbook):
        workbook["activities"]["B1"] = "kode"

    errors = _reject(partnership, sari, _broken(partnership, change))
    assert {(e["sheet"], e["row"], e["column"]) for e in errors} >= {
        ("activities", 1, "code"),
        ("activities", 1, "kode"),
    }
    assert "The column “code” is missing." in [e["message"] for e in errors]


def test_a_missing_sheet_is_reported(partnership, plan, sari):
    errors = _reject(partnership, sari, _broken(partnership, lambda wb: wb.remove(wb["periods"])))
    assert errors == [
        {"sheet": "periods", "row": 0, "column": "", "message": "The sheet “periods” is missing."}
    ]


def test_unknown_codes_bad_numbers_and_dates_are_reported_per_row(partnership, plan, sari):
    def change(workbook):
        programmes = workbook["programmes"]
        _set(programmes, _row(programmes, "code", "t-waste-sorting"), "pillar", "space")
        _set(programmes, _row(programmes, "code", "t-fire-training"), "weight", "heavy")
        activities = workbook["activities"]
        row = _row(activities, "code", "training-2026")
        _set(activities, row, "planned_start", "31/02/2026")
        _set(activities, row, "status", "9")
        indicators = workbook["indicators"]
        _set(indicators, _row(indicators, "code", "t-sorting-rate"), "programme", "t-nothing")
        periods = workbook["periods"]
        _set(periods, _row(periods, "indicator", "t-response-minutes"), "indicator", "t-nope")

    errors = _reject(partnership, sari, _broken(partnership, change))
    by_cell = {(e["sheet"], e["column"]): e["message"] for e in errors}
    assert by_cell[("programmes", "pillar")] == "Unknown pillar “space” for this partnership."
    assert by_cell[("programmes", "weight")] == "“heavy” is not a number."
    assert by_cell[("activities", "planned_start")] == (
        "“31/02/2026” is not a date; write it as YYYY-MM-DD."
    )
    assert by_cell[("activities", "status")].startswith("Unknown code “9”")
    assert by_cell[("indicators", "programme")] == "Unknown programme “t-nothing”."
    assert by_cell[("periods", "indicator")] == "Unknown indicator “t-nope”."
    assert all(e["row"] >= 2 for e in errors)


def test_duplicate_identifiers_are_reported(partnership, plan, sari):
    def change(workbook):
        sheet = workbook["indicators"]
        row = [cell.value for cell in sheet[_row(sheet, "code", "t-sorting-rate")]]
        sheet.append(row)

    errors = _reject(partnership, sari, _broken(partnership, change))
    assert len(errors) == 1
    assert errors[0]["sheet"] == "indicators" and errors[0]["column"] == "code"
    assert errors[0]["message"].startswith("Duplicate identifier: already on row")


def test_formulas_are_refused(partnership, plan, sari):
    def change(workbook):
        sheet = workbook["periods"]
        _set(sheet, _row(sheet, "indicator", "t-sorting-rate"), "target", "=20+15")
        programmes = workbook["programmes"]
        row = _row(programmes, "code", "t-fire-training")
        _set(programmes, row, "title_en", '=HYPERLINK("http://evil.example","click")')

    errors = _reject(partnership, sari, _broken(partnership, change))
    assert {(e["sheet"], e["column"]) for e in errors} == {
        ("periods", "target"),
        ("programmes", "title_en"),
    }
    assert {e["message"] for e in errors} == {"Formulas are not accepted; enter the value itself."}


def test_markup_and_overlapping_periods_are_refused(partnership, plan, sari):
    def change(workbook):
        programmes = workbook["programmes"]
        row = _row(programmes, "code", "t-fire-training")
        _set(programmes, row, "title_en", "<script>alert(1)</script>")
        workbook["periods"].append(["t-sorting-rate", "2026-06-01", "2027-05-31", 40, ""])

    errors = _reject(partnership, sari, _broken(partnership, change))
    messages = {(e["sheet"], e["column"]): e["message"] for e in errors}
    assert "markup" in messages[("programmes", "title_en")]
    assert messages[("periods", "start")] == "This period overlaps another period of the indicator."


def test_one_bad_row_among_good_ones_writes_nothing(partnership, plan, sari):
    def change(workbook):
        programmes = workbook["programmes"]
        _set(programmes, _row(programmes, "code", "t-waste-sorting"), "title_en", "New title")
        programmes.append(["t-new", "environment", "1", 1, False, "", "Baru"])
        workbook["periods"].append(["t-sorting-rate", "2027-01-01", "2027-12-31", "lots", ""])

    errors = _reject(partnership, sari, _broken(partnership, change))
    assert [(e["sheet"], e["column"]) for e in errors] == [("periods", "target")]
    assert not Programme.objects.filter(code="t-new").exists()


def test_agency_officer_may_import_his_pillar_only(partnership, plan, budi):
    data = tabular.export_xlsx(partnership)
    errors = _reject(partnership, budi, data)
    workbook = _workbook(data)
    environment = set(
        Programme.objects.filter(pillar__code="environment").values_list("code", flat=True)
    )
    others = set(Programme.objects.values_list("code", flat=True)) - environment
    assert {e["row"] for e in errors if e["sheet"] == "programmes"} == {
        _row(workbook["programmes"], "code", code) for code in others
    }
    assert all("may not edit" in e["message"] for e in errors)

    # The rows of his own pillar alone go through.
    keep = set(
        Indicator.objects.filter(result__programme__pillar__code="environment").values_list(
            "code", flat=True
        )
    )
    for name, column, wanted in (
        ("programmes", "code", environment),
        ("activities", "programme", environment),
        ("indicators", "code", keep),
        ("periods", "indicator", keep),
    ):
        sheet = workbook[name]
        for number in range(sheet.max_row, 1, -1):
            if _cell(sheet, number, column) not in wanted:
                sheet.delete_rows(number)
    programmes = workbook["programmes"]
    _set(programmes, _row(programmes, "code", "t-waste-sorting"), "status", "3")
    tabular.import_xlsx(actor=budi, partnership=partnership, data=_save(workbook))
    assert Programme.objects.get(code="t-waste-sorting").status == "3"


def _cell(sheet, number, column):
    header = [cell.value for cell in sheet[1]]
    return sheet.cell(row=number, column=header.index(column) + 1).value


def test_a_50_mb_file_is_refused_before_it_is_read(partnership, plan, sari):
    before = _state()
    with pytest.raises(SisterCityError) as error:
        tabular.import_xlsx(actor=sari, partnership=partnership, data=b"\0" * (50 * 1024 * 1024))
    assert error.value.code == "file_too_large"
    assert "50.0\xa0MB" in str(error.value)
    assert _state() == before


def test_a_file_that_is_not_a_workbook_is_refused(partnership, plan, sari):
    with pytest.raises(SisterCityError) as error:
        tabular.import_xlsx(actor=sari, partnership=partnership, data=b"code,pillar\nx,y\n")
    assert error.value.code == "file_type"


def test_outsiders_get_404_and_observers_403(partnership, plan, otto, observer):
    data = tabular.export_xlsx(partnership)
    with pytest.raises(Http404):
        tabular.import_xlsx(actor=otto, partnership=partnership, data=data)
    with pytest.raises(SisterCityError) as error:
        tabular.import_xlsx(actor=observer, partnership=partnership, data=data)
    assert error.value.status == 403


def test_decimals_keep_their_value(partnership, plan, sari):
    values = _values(tabular.export_xlsx(partnership))
    row = next(r for r in values["indicators"][1:] if r[1] == "t-response-minutes")
    assert Decimal(str(row[values["indicators"][0].index("baseline_value")])) == Decimal("25.5")
