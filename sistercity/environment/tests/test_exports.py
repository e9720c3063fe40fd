"""The PDF report and the XLSX results carry the same numbers as the page."""

import io
import re
import zlib

import pytest
from django.test import RequestFactory
from django.urls import reverse
from openpyxl import load_workbook

from sistercity.environment import results, views
from sistercity.environment.models import WasteScenario

pytestmark = pytest.mark.django_db

SLUG, CODE = "batang-toyama", "toyama-style"


def summary_numbers(html: str) -> dict[str, str]:
    """The numbers of the summary block, by their data-test name."""
    return dict(re.findall(r'data-test="([a-z0-9-]+)">([^<]+)<', html.split('id="summary"')[1]))


def test_pdf_report_html_has_the_same_numbers_as_the_page(demo, client_for, budi):
    page = client_for(budi).get(reverse("environment:scenario", args=[SLUG, CODE]))
    request = RequestFactory().get("/")
    request.user = budi
    report_html = views.report_html(request, SLUG, CODE)
    on_page, in_report = summary_numbers(page.content.decode()), summary_numbers(report_html)
    assert on_page == in_report
    for key in ("year-full", "reduction-last", "handling-last", "ch4-total", "cost-total"):
        assert on_page[key]
    assert on_page["year-full"] == "2034"
    # The per-year table and the Monte Carlo bands are in the report too.
    assert 'id="per-year"' in report_html and 'id="uncertainty"' in report_html
    assert 'font-family: "Noto Sans CJK JP"' in report_html


def test_pdf_is_a_pdf_with_an_embedded_cjk_font(demo, client_for, yamada):
    response = client_for(yamada).get(reverse("environment:scenario_pdf", args=[SLUG, CODE]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert pdf.startswith(b"%PDF")
    # Objects sit in compressed object streams: look inside them. Fonts are embedded
    # (a FontFile), not referenced, and the CJK font is the one used.
    inside = pdf + _inflated(pdf)
    assert b"/FontFile" in inside
    assert b"NotoSansCJK" in inside


def _inflated(pdf: bytes) -> bytes:
    out = b""
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            out += zlib.decompress(stream)
        except zlib.error:
            continue
    return out


def test_japanese_report_keeps_japanese_content(demo, client_for, yamada):
    response = client_for(yamada).get(f"/ja/waste/{SLUG}/scenarios/{CODE}/")
    assert "富山型プラン" in response.content.decode()
    request = RequestFactory().get("/")
    request.user = yamada
    from django.utils import translation

    with translation.override("ja"):
        html = views.report_html(request, SLUG, CODE)
    assert "富山型プラン" in html


def test_xlsx_results_have_the_page_numbers(demo, client_for, observer):
    response = client_for(observer).get(reverse("environment:scenario_xlsx", args=[SLUG, CODE]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    summary = {row[0]: row[1] for row in workbook.worksheets[0].iter_rows(values_only=True)}
    report = results.build(WasteScenario.objects.get(code=CODE), with_charts=False)
    values = list(summary.values())
    assert report.summary["year_full"] in values
    assert float(report.summary["cost_total_idr"]) in values
    assert pytest.approx(report.summary["ch4_emitted_total_t"]) in values
    per_year = list(workbook.worksheets[1].iter_rows(values_only=True))
    assert len(per_year) == 1 + 20 and per_year[1][0] == 2026
    assert len(workbook.sheetnames) == 5  # summary, per year, flows, emissions, uncertainty
