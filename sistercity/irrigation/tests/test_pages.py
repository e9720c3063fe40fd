"""Irrigation pages: who sees them, what they show, writing through them, bad uploads."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from sistercity.irrigation.demo import FIXTURE
from sistercity.irrigation.models import RotationGroup
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db

SLUG = "batang-toyama"
PAGES = [
    ("irrigation:overview", {}),
    ("irrigation:scheme", {"code": "di-sambong"}),
    ("irrigation:scheme", {"code": "di-kramat"}),
    ("irrigation:station", {"code": "ILU-BTG01"}),
    ("irrigation:scheme_xlsx", {"code": "di-sambong"}),
]


def url(name, **kwargs):
    return reverse(name, kwargs={"slug": SLUG, **kwargs})


@pytest.mark.parametrize("persona", ["sari", "yamada", "budi", "observer", "admin", "wahyu"])
@pytest.mark.parametrize("name, kwargs", PAGES)
def test_members_and_observers_see_the_pages(demo, wahyu, client_for, persona, name, kwargs):
    response = client_for(demo.users[persona]).get(url(name, **kwargs))
    assert response.status_code == 200


@pytest.mark.parametrize("name, kwargs", PAGES)
def test_outsiders_reviewers_and_applicants_get_404(demo, otto, client_for, name, kwargs):
    for user in (otto, demo.users["rina"], demo.users["dewi"]):
        assert client_for(user).get(url(name, **kwargs)).status_code == 404


def test_the_scheme_page_shows_the_june_shortfall(demo, wahyu, client_for):
    page = client_for(wahyu).get(
        url("irrigation:scheme", code="di-sambong"), HTTP_ACCEPT_LANGUAGE="en"
    )
    html = page.content.decode()
    assert 'data-test="chart-demand"' in html and 'data-deficit="1"' in html
    assert html.count("<tr data-half-month=") == 24


def test_the_pdf_report_carries_the_same_numbers(demo, wahyu, client_for):
    response = client_for(wahyu).get(url("irrigation:scheme_pdf", code="di-sambong"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_xlsx_has_24_half_months(demo, wahyu, client_for):
    response = client_for(wahyu).get(url("irrigation:scheme_xlsx", code="di-sambong"))
    workbook = load_workbook(io.BytesIO(response.content))
    demand = workbook.worksheets[1]
    assert demand.max_row == 25
    deficits = [row[-1].value for row in demand.iter_rows(min_row=2)]
    assert deficits.count(True) == 1


def test_the_observer_sees_no_write_forms(demo, observer, client_for):
    html = client_for(observer).get(url("irrigation:scheme", code="di-sambong")).content.decode()
    assert 'data-test="save-shift-III"' not in html and "iksi-form" not in html


def test_the_observer_may_not_move_a_group(demo, observer, client_for):
    before = db_snapshot("irrigation")
    client_for(observer).post(
        url("irrigation:group_shift", code="di-sambong", group="III"), {"shift_half_months": 3}
    )
    assert db_snapshot("irrigation") == before
    assert RotationGroup.objects.get(scheme__code="di-sambong", code="III").shift_half_months == 2


def _upload(client, content, name="bmkg.xlsx"):
    return client.post(
        url("irrigation:station", code="ILU-BTG01"),
        {"file": SimpleUploadedFile(name, content)},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="id",
    )


def _bad_fixture(edit) -> bytes:
    workbook = load_workbook(FIXTURE)
    edit(workbook.active)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda ws: ws.cell(row=10, column=2, value=35.0), "baris 10, kolom Tn"),
        (lambda ws: ws.cell(row=11, column=5, value=104), "baris 11, kolom RH_avg"),
        (lambda ws: ws.cell(row=12, column=6, value=-3), "baris 12, kolom RR"),
        (lambda ws: ws.cell(row=13, column=2, value="hot"), "baris 13, kolom Tn"),
    ],
)
def test_a_bad_bmkg_file_is_refused_by_row_and_column_and_nothing_saved(
    demo, wahyu, client_for, edit, expected
):
    client = client_for(wahyu)
    before = db_snapshot("irrigation", "auditlog")
    response = _upload(client, _bad_fixture(edit))
    text = response.content.decode()
    assert expected in text
    assert "tidak ada yang disimpan" in text
    assert db_snapshot("irrigation", "auditlog") == before


def test_a_file_that_is_not_xlsx_is_refused(demo, wahyu, client_for):
    before = db_snapshot("irrigation")
    response = _upload(client_for(wahyu), b"not a workbook")
    assert "bukan buku kerja XLSX" in response.content.decode()
    assert db_snapshot("irrigation") == before


def test_the_station_page_query_count_does_not_grow_with_the_records(demo, wahyu, client_for):
    client = client_for(wahyu)
    target = url("irrigation:station", code="ILU-BTG01")
    with CaptureQueriesContext(connection) as year:
        client.get(target)
    from sistercity.irrigation.models import ClimateRecord

    ClimateRecord.objects.filter(date__month__gte=7).delete()
    with CaptureQueriesContext(connection) as half:
        client.get(target)
    assert len(year) == len(half)
