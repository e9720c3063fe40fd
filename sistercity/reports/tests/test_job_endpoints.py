"""The exports tab's import form and the job API (import, M&E report, job status): who may
start a job, who sees it, and a bad upload refused with a translated detail."""

import pytest
from django.urls import reverse

from sistercity.reports.tests.plan import build_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(demo):
    return build_plan(demo)


def test_import_form_is_shown_only_to_those_who_may_edit(client, partnership, plan, demo):
    for persona, shown in (("sari", True), ("budi", True), ("observer", False)):
        client.force_login(demo.users[persona])
        page = client.get(reverse("programs:exports", args=[partnership.slug])).content.decode()
        assert ('id="import-form"' in page) is shown, persona


def test_api_import_and_report_answer_202_with_a_job_only_its_owner_sees(
    client, partnership, plan, sari, yamada, otto
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sistercity.programs import tabular

    client.force_login(sari)
    data = tabular.export_xlsx(partnership)
    response = client.post(
        reverse("api:import", args=[partnership.slug]),
        {"file": SimpleUploadedFile("plan.xlsx", data)},
    )
    assert response.status_code == 202
    job = response.json()
    assert (job["kind"], job["status"], job["progress"]) == ("import", "queued", 0)
    assert client.get(reverse("api:job-detail", args=[job["id"]])).json()["id"] == job["id"]
    response = client.post(
        reverse("api:me-report", args=[partnership.slug]),
        {"language": "ja", "format": "xlsx", "year": 2026},
        content_type="application/json",
    )
    assert response.status_code == 202
    assert response.json()["params"] == {"format": "xlsx", "year": 2026}
    for user in (yamada, otto):
        client.force_login(user)
        assert client.get(reverse("api:job-detail", args=[job["id"]])).status_code == 404
    client.force_login(otto)
    assert (
        client.post(
            reverse("api:import", args=[partnership.slug]),
            {"file": SimpleUploadedFile("plan.xlsx", data)},
        ).status_code
        == 404
    )


def test_api_refuses_bad_uploads_with_a_translated_detail(client, partnership, plan, budi):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(budi)
    response = client.post(
        "/api/partnerships/batang-toyama/import/",
        {"file": SimpleUploadedFile("plan.xlsx", b"not a workbook")},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "file_type"


@pytest.fixture
def finished_job(partnership, yamada, settings, tmp_path):
    from django.core.files.base import ContentFile

    from sistercity.reports.models import Job, JobKind, JobStatus

    settings.MEDIA_ROOT = tmp_path
    job = Job.objects.create(
        kind=JobKind.ME_REPORT,
        partnership=partnership,
        requested_by=yamada,
        language="ja",
        status=JobStatus.DONE,
        result_name="me-report-batang-toyama-2026-ja.xlsx",
        result_content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    job.result_file.save("report.xlsx", ContentFile(b"PK\x03\x04 report"), save=True)
    return job


def test_a_job_result_leaves_privately_by_page_and_api(client, finished_job, yamada):
    client.force_login(yamada)
    for url in (
        reverse("reports:job_download", args=[finished_job.pk]),
        reverse("api:job-download", args=[finished_job.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"".join(response.streaming_content) == b"PK\x03\x04 report"
        assert response["Content-Type"] == finished_job.result_content_type
        assert response["Content-Disposition"] == (
            'attachment; filename="me-report-batang-toyama-2026-ja.xlsx"'
        )
        assert response["Cache-Control"] == "private, no-store"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_a_job_whose_file_is_gone_is_404(client, finished_job, yamada):
    finished_job.result_file.delete(save=False)
    client.force_login(yamada)
    assert client.get(reverse("reports:job_download", args=[finished_job.pk])).status_code == 404


def test_the_platform_admin_reads_jobs_but_changes_nothing(client, finished_job, admin_user):
    client.force_login(admin_user)
    assert client.get(reverse("admin:reports_job_changelist")).status_code == 200
    page = client.get(reverse("admin:reports_job_change", args=[finished_job.pk]))
    assert page.status_code == 200
    assert finished_job.result_file.name not in page.content.decode()  # no link to the file
    assert client.get(reverse("admin:reports_job_add")).status_code == 403
    delete = client.post(reverse("admin:reports_job_delete", args=[finished_job.pk]))
    assert delete.status_code == 403
    finished_job.refresh_from_db()  # still there
