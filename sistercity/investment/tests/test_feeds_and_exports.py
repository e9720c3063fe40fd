"""The investment pillar's indicator feeds count from the pipeline's data; the pipeline and
realised investment export as XLSX/CSV in the LKPM layout, formula injection neutralised."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from sistercity.core.registry import registry
from sistercity.core.spreadsheets import read_csv
from sistercity.investment import contributions

pytestmark = pytest.mark.django_db


def count(code, partnership):
    return registry.indicator_feed(code).count(partnership, None)


def test_feeds_count_realised_investment_jobs_lois_and_milestones(partnership):
    # The operating company: two quarters (IDR 90 bn + 22.5 bn), 82 + 3 workers in Q3.
    assert count(contributions.REALISED_IDR, partnership) == Decimal("112000000000")
    assert count(contributions.JOBS, partnership) == 85
    assert count(contributions.LOIS, partnership) == 2
    assert count(contributions.MILESTONES, partnership) == 2


def test_the_demo_jobs_indicator_is_fed_and_approved(partnership):
    from sistercity.programs.models import IndicatorUpdate

    update = IndicatorUpdate.objects.get(period__indicator__code="investment-jobs")
    assert (update.value, update.status) == (Decimal(85), "approved")


def test_lkpm_export_has_the_realisation_layout(client_for, andi, partnership):
    client = client_for(andi)
    response = client.get(f"/id/investment/{partnership.slug}/export/lkpm.xlsx")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Tahun", "Triwulan", "Perusahaan")
    assert "Tenaga kerja Indonesia, perempuan" in rows[0]
    assert [(r[0], r[1], r[-2], r[-1]) for r in rows[1:]] == [(2026, 2, 60, 3), (2026, 3, 82, 3)]
    csv = read_csv(client.get(f"/id/investment/{partnership.slug}/export/lkpm.csv").content)
    assert csv[1][3] == "9120001234567"  # the NIB


def test_pipeline_export_neutralises_formulas(client_for, andi, partnership, leads):
    from sistercity.investment.models import Lead

    Lead.objects.filter(pk=leads["pharma"].pk).update(title='=HYPERLINK("http://evil.example")')
    response = client_for(andi).get(f"/id/investment/{partnership.slug}/export/pipeline.csv")
    text = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    # The confidential lead is in the owner's export only.
    assert "rahasia" in text


def test_observers_read_totals_not_dossiers(client_for, observer, partnership, rf):
    from django.template.loader import render_to_string

    request = rf.get("/")
    request.user = observer
    panel = contributions.dashboard_panel(request, partnership)
    assert panel["jobs"] == 85 and panel["works_pipeline"] is False and "summary" not in panel
    html = render_to_string("investment/_dashboard_panel.html", {"panel": panel})
    assert 'data-test="panel-jobs">85<' in html and "Open the pipeline" not in html
    client = client_for(observer)
    page = client.get(f"/id/investment/{partnership.slug}/realised/").content.decode()
    assert 'data-test="jobs-total">85<' in page and "Pabrik komponen presisi" not in page
    csv = client.get(f"/id/investment/{partnership.slug}/export/pipeline.csv").content
    assert len(read_csv(csv)) == 1  # the header only


def test_the_owner_sees_the_pipeline_and_the_overdue_step_on_the_results_dashboard(
    andi, partnership, rf
):
    request = rf.get("/")
    request.user = andi
    panel = contributions.dashboard_panel(request, partnership)
    assert panel["works_pipeline"] is True
    assert [lead.title for lead in panel["overdue"]] == ["Pabrik obat generik di KITB"]
    stages = {row.stage: row.count for row in panel["summary"].rows}
    assert stages["operating"] == 1 and stages["letter_of_intent"] == 1
