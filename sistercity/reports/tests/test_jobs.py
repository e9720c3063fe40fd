"""Imports and M&E reports run as background jobs through the real worker: progress, result
file or per-row error report, and only the person who asked sees them."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from sistercity.demo.data import load_demo
from sistercity.programs import tabular
from sistercity.programs.models import Programme
from sistercity.reports.models import Job, JobStatus
from sistercity.reports.tests.plan import build_plan
from sistercity.testing import db_snapshot, run_queued_tasks

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _work():
    run_queued_tasks()


def _upload(data: bytes, name="plan.xlsx"):
    return SimpleUploadedFile(name, data, content_type=XLSX)


def _edited(partnership, change) -> bytes:
    workbook = load_workbook(io.BytesIO(tabular.export_xlsx(partnership)))
    change(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# The worker closes its database connection after each task, as in production; so these tests
# commit for real instead of running inside the test's transaction.
@pytest.mark.django_db(transaction=True)
def test_import_job_runs_in_the_worker_and_reports_progress(client):
    demo = load_demo()
    build_plan(demo)
    sari, partnership = demo.users["sari"], demo.partnership
    data = _edited(
        partnership,
        lambda wb: wb["programmes"].append(
            ["t-compost", "environment", "1", 1, False, "", "Kompos", "堆肥", "Compost"]
        ),
    )
    client.force_login(sari)
    response = client.post(
        reverse("programs:import", args=[partnership.slug]), {"file": _upload(data)}
    )
    job = Job.objects.get()
    assert response.url == reverse("reports:job", args=[job.pk])
    assert job.status == JobStatus.QUEUED and job.progress == 0
    page = client.get(response.url).content.decode()
    assert 'hx-trigger="every 1s"' in page and '<progress id="job-progress"' in page
    assert not Programme.objects.filter(code="t-compost").exists()  # not before the worker

    _work()

    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.progress == 100
    assert job.summary["created"] == {"programmes": 1}
    assert (
        Programme.objects.get(code="t-compost").safe_translation_getter("title", language_code="ja")
        == "堆肥"
    )
    fragment = client.get(response.url, HTTP_HX_REQUEST="true").content.decode()
    assert fragment.startswith('<section id="job-status"')
    assert "every 1s" not in fragment  # finished: the page stops polling


@pytest.mark.django_db(transaction=True)
def test_import_job_with_errors_writes_nothing_and_shows_them_per_row(client):
    demo = load_demo()
    build_plan(demo)
    sari, partnership = demo.users["sari"], demo.partnership

    def change(workbook):
        workbook["programmes"].append(["t-new", "space", "1", 1, False, "", "Baru"])
        workbook["periods"].append(["t-sorting-rate", "2027-01-01", "2027-12-31", "=1+1", ""])

    data = _edited(partnership, change)
    client.force_login(sari)
    client.post(
        "/en" + reverse("programs:import", args=[partnership.slug])[3:], {"file": _upload(data)}
    )
    before = db_snapshot("programs")
    _work()
    assert db_snapshot("programs") == before
    job = Job.objects.get()
    assert job.language == "en"
    assert job.status == JobStatus.FAILED
    assert job.message == "The file has 2 errors; nothing was imported."
    assert [(e["sheet"], e["column"]) for e in job.errors] == [
        ("programmes", "pillar"),
        ("periods", "target"),
    ]
    with translation.override("en"):
        page = client.get(reverse("reports:job", args=[job.pk])).content.decode()
    assert "Unknown pillar “space” for this partnership." in page
    assert "Formulas are not accepted" in page


@pytest.mark.django_db(transaction=True)
def test_me_report_job_gives_a_pdf_only_to_who_asked(client):
    demo = load_demo()
    build_plan(demo)
    yamada, partnership = demo.users["yamada"], demo.partnership
    client.force_login(yamada)
    response = client.post(
        reverse("reports:me_report", args=[partnership.slug]),
        {"language": "ja", "format": "pdf", "year": 2026},
    )
    job = Job.objects.get()
    assert response.url == reverse("reports:job", args=[job.pk])
    _work()
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.message
    assert job.result_name == "me-report-batang-toyama-2026-ja.pdf"
    download = client.get(reverse("reports:job_download", args=[job.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    for persona in ("sari", "budi", "dewi"):
        client.force_login(demo.users[persona])
        assert client.get(reverse("reports:job", args=[job.pk])).status_code == 404
        assert client.get(reverse("reports:job_download", args=[job.pk])).status_code == 404


@pytest.mark.django_db
def test_too_large_or_wrong_uploads_are_refused_at_once(client, partnership, sari, settings):
    settings.IMPORT_MAX_BYTES = 1024
    client.force_login(sari)
    url = reverse("programs:import", args=[partnership.slug])
    before = db_snapshot("programs", "reports")
    with translation.override("en"):
        response = client.post(
            "/en" + url[3:], {"file": _upload(b"PK\x03\x04" + b"\0" * 4096)}, follow=True
        )
        assert "The file is 4.0\xa0KB; the limit is 1.0\xa0KB." in response.content.decode()
        response = client.post(
            "/en" + url[3:], {"file": _upload(b"code,pillar\n", "plan.csv")}, follow=True
        )
        assert "This is not an XLSX workbook." in response.content.decode()
    assert db_snapshot("programs", "reports") == before


@pytest.mark.django_db
def test_job_pages_are_hidden_from_outsiders(client, partnership, sari, otto):
    client.force_login(otto)
    assert client.get(reverse("reports:me_report", args=[partnership.slug])).status_code == 404
    response = client.post(
        reverse("reports:me_report", args=[partnership.slug]),
        {"language": "id", "format": "pdf", "year": 2026},
    )
    assert response.status_code == 404
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_observer_can_ask_for_a_report_but_not_import(client, partnership, observer):
    client.force_login(observer)
    assert client.get(reverse("reports:me_report", args=[partnership.slug])).status_code == 200
    before = db_snapshot("programs", "reports")
    data = tabular.export_xlsx(partnership)
    response = client.post(
        reverse("programs:import", args=[partnership.slug]), {"file": _upload(data)}
    )
    assert response.status_code == 302
    assert db_snapshot("programs", "reports") == before


def test_the_report_form_keeps_the_written_parts_and_refuses_markup_beside_the_field(
    client_for, sari, partnership
):
    url = reverse("reports:me_report", args=[partnership.slug])
    client = client_for(sari)
    form = {"language": "id", "format": "xlsx", "year": 2026, "summary": "Tahun pertama."}
    before = db_snapshot()
    refused = client.post(url, {**form, "narrative": "<script>alert(1)</script>"})
    assert refused.status_code == 400
    page = refused.content.decode()
    assert 'id="error-summary"' in page and 'href="#id_narrative"' in page
    assert "Tahun pertama." in page  # what was typed stays
    assert db_snapshot() == before
    client.post(url, {**form, "narrative": "Pelatihan selesai.", "signatory_name": "Sari W."})
    job = Job.objects.get()
    assert job.params["texts"] == {
        "summary": "Tahun pertama.",
        "narrative": "Pelatihan selesai.",
        "signatory_name": "Sari W.",
    }
    # The next request starts from these words.
    again = client.get(url).content.decode()
    assert "Pelatihan selesai." in again and 'value="Sari W."' in again
