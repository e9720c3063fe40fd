"""Technology-transfer projects beyond the MoU: milestones, trainees and outcomes, with bad
input refused in words and trainees (personal data) shown to the pipeline's people only."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from sistercity.core.errors import SisterCityError
from sistercity.investment import services
from sistercity.investment.models import Milestone, TechTransferProject
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(demo):
    return TechTransferProject.objects.get(code="pet-recycling-line")


def test_the_demo_project_serves_the_waste_pilots_indicator(project):
    assert project.programme.code == "waste-sorting-pilot"
    assert project.indicator.code == "landfill-diversion-rate"
    assert project.milestones.filter(done_on__isnull=False).count() == 2
    assert project.trainees.count() == 2


@pytest.mark.parametrize(
    "call, kwargs, code",
    [
        (
            "output_record",
            {
                "name": "Rate",
                "value": Decimal("120"),
                "unit": "%",
                "measured_on": dt.date(2026, 11, 1),
            },
            "percentage",
        ),
        (
            "output_record",
            {
                "name": "Rate",
                "value": Decimal("-1"),
                "unit": "t",
                "measured_on": dt.date(2026, 11, 1),
            },
            "negative",
        ),
        (
            "output_record",
            {
                "name": "Rate",
                "value": Decimal("5"),
                "unit": "t",
                "measured_on": dt.date(2099, 1, 1),
            },
            "measured_future",
        ),
        (
            "trainee_add",
            {
                "full_name": "X",
                "trained_from": dt.date(2026, 10, 5),
                "trained_until": dt.date(2026, 10, 1),
            },
            "dates",
        ),
    ],
)
def test_bad_project_records_are_refused(andi, demo, project, call, kwargs, code):
    if call == "trainee_add":
        kwargs = {**kwargs, "organisation": demo.batang}
    before = db_snapshot("investment", "auditlog")
    with pytest.raises(SisterCityError) as error:
        getattr(services, call)(actor=andi, project=project, **kwargs)
    assert error.value.code == code
    assert db_snapshot("investment", "auditlog") == before


def test_a_milestone_is_marked_done_on_the_page(client_for, andi, partnership, project):
    open_one = Milestone.objects.get(project=project, done_on__isnull=True)
    url = reverse("investment:tech_project", args=[partnership.slug, project.code])
    response = client_for(andi).post(url, {"form": "done", "milestone": open_one.pk})
    assert response.status_code == 302
    open_one.refresh_from_db()
    assert open_one.done_on is not None


def test_trainees_are_shown_to_the_pipeline_people_only(
    client_for, andi, observer, partnership, project
):
    url = reverse("investment:tech_project", args=[partnership.slug, project.code])
    assert "Siti Rahmawati" in client_for(andi).get(url).content.decode()
    page = client_for(observer).get(url).content.decode()
    assert "Siti Rahmawati" not in page and "2 peserta pelatihan" in page


def test_a_project_document_is_judged_by_its_content(andi, project):
    from sistercity.testing import exe_as_pdf, pdf_upload

    before = db_snapshot("investment", "auditlog")
    with pytest.raises(SisterCityError) as error:
        services.techdocument_attach(actor=andi, project=project, title="Report", file=exe_as_pdf())
    assert error.value.code == "file_type"
    assert db_snapshot("investment", "auditlog") == before
    document = services.techdocument_attach(
        actor=andi, project=project, title="Training report", file=pdf_upload("report.pdf")
    )
    assert document.content_type == "application/pdf" and project.documents.count() == 2


def test_the_project_document_downloads_privately(client_for, observer, otto, partnership, project):
    document = project.documents.get()
    url = reverse("investment:tech_document", args=[partnership.slug, project.code, document.pk])
    response = client_for(observer).get(url)
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert client_for(otto).get(url).status_code == 404
