"""The annual M&E report: in the chosen language, with stage history, activities, indicator
tables (approved values only), spending and charts; the Japanese PDF embeds a CJK font."""

import datetime as dt
import io
import re
import zlib
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from sistercity.reports import me_report
from sistercity.reports.tests.plan import build_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(demo):
    return build_plan(demo)


def _streams(pdf: bytes) -> list[bytes]:
    """The decompressed streams of a PDF (WeasyPrint compresses fonts and object streams)."""
    out = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            out.append(zlib.decompress(match.group(1)))
        except zlib.error:
            out.append(match.group(1))
    return out


def test_japanese_pdf_embeds_a_cjk_font_with_the_glyphs_of_the_text(partnership, plan):
    pdf = me_report.render_pdf(partnership, language="ja", year=2026)
    assert pdf.startswith(b"%PDF-")
    streams = _streams(pdf)
    everything = b"\n".join([pdf, *streams])
    fonts = set(re.findall(rb"/BaseFont\s*/([^\s/\]>]+)", everything))
    cjk = [f for f in fonts if b"CJK" in f and b"Sans" in f]
    assert cjk, fonts
    assert b"/FontFile" in everything  # embedded, not merely named
    # WeasyPrint writes glyph ids; its ToUnicode maps say which characters the glyphs are.
    # Every character of the Japanese programme title must be mapped, i.e. drawn.
    cmaps = b"\n".join(s for s in streams if b"begincmap" in s).upper()
    for char in "ごみ分別モデル事業":
        assert f"<{ord(char):04X}>".encode() in cmaps, char


def test_html_is_in_the_chosen_language_with_every_section(partnership, plan):
    html = me_report.render_html(partnership, language="ja", year=2026)
    assert '<html lang="ja">' in html
    assert "バタン県・富山市 姉妹都市提携" in html  # the partnership's Japanese name
    assert "ごみ分別モデル事業" in html
    assert 'id="stages"' in html and 'id="activities"' in html and 'id="spending"' in html
    assert "<svg" in html
    # Stage history of the year only: the demo reached exploration in October 2025.
    html_2025 = me_report.render_html(partnership, language="ja", year=2025)
    stages_2025 = html_2025[html_2025.index('id="stages"') : html_2025.index('id="activities"')]
    assert stages_2025.count("<tr>") >= 3 and "2025" in stages_2025
    stages_2026 = html[html.index('id="stages"') : html.index('id="activities"')]
    assert "2025年10月" not in stages_2026
    # 12 approved; the pending 5 does not count.
    row = re.search(r'data-indicator="t-officers-trained".*?</tr>', html, re.S).group(0)
    assert re.search(r'class="num actual">12<', row)
    indonesian = me_report.render_html(partnership, language="id", year=2026)
    assert "Percontohan pemilahan sampah" in indonesian
    assert "ごみ分別モデル事業" not in indonesian


def test_xlsx_has_the_five_sheets(partnership, plan):
    data = me_report.render_xlsx(partnership, language="en", year=2026)
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["summary", "stages", "activities", "indicators", "spending"]
    indicators = list(workbook["indicators"].iter_rows(values_only=True))
    trained = next(r for r in indicators if r[3] == "t-officers-trained")
    assert trained[2] == "Officers trained"
    assert (trained[6], trained[7], trained[8]) == (40, 12, 30)
    spending = list(workbook["spending"].iter_rows(values_only=True))
    assert spending[-1][0] == "Total"
    assert len(list(workbook["stages"].iter_rows())) >= 1


TEXTS = {
    "summary": "Tahun pertama: pilot pemilahan berjalan di dua desa.",
    "narrative": "Pelatihan selesai.\nPengadaan tertunda karena anggaran perubahan.",
    "recommendations": "Perluas ke lima desa\n\nTetapkan perbup pemilahan",
    "signatory_name": "Sari Wulandari",
    "signatory_position": "Kepala Bagian Kerja Sama",
}


def test_the_written_parts_jpy_and_a_signature_block_are_in_the_report(partnership, plan):
    html = me_report.render_html(partnership, language="id", year=2026, texts=TEXTS)
    summary = html[html.index('id="summary"') : html.index('id="stages"')]
    assert TEXTS["summary"] in summary
    assert "Pengadaan tertunda karena anggaran perubahan." in html
    recommendations = re.search(r'id="recommendations">(.*?)</ol>', html, re.S).group(1)
    assert recommendations.count("<li>") == 2  # the blank line is no recommendation
    signatures = html[html.index('id="signatures"') :]
    assert "Sari Wulandari" in signatures and "Kepala Bagian Kerja Sama" in signatures
    # The plan's JPY rate: 105.2 IDR per JPY from 1 January 2026; the total budget in JPY beside
    # the IDR total, and the rate named.
    data = me_report.collect(partnership, year=2026)
    rate = data.jpy_rate.idr_per_unit
    assert rate == Decimal("105.2") and data.jpy_rate.on == dt.date(2026, 1, 1)
    assert data.jpy_totals["budget"] == round(data.spending.budget_idr / rate)
    assert 'id="jpy-rate"' in html and "105,2" in html[html.index('id="jpy-rate"') :]
    assert "¥" in html[html.index('id="spending"') : html.index('id="jpy-rate"')]
    workbook = load_workbook(
        io.BytesIO(me_report.render_xlsx(partnership, language="en", year=2026, texts=TEXTS))
    )
    summary_rows = {r[0]: r[1] for r in workbook["summary"].iter_rows(values_only=True)}
    assert summary_rows["Summary"] == TEXTS["summary"]
    assert summary_rows["Budget (JPY)"] == data.jpy_totals["budget"]
    assert workbook["spending"]["E1"].value == "Budget (JPY)"


def test_the_report_holds_only_the_chosen_year(partnership, plan):
    # The plan's activities and money are all in 2026: a 2025 report has none of them, and its
    # stage history is 2025's alone.
    html_2025 = me_report.render_html(partnership, language="en", year=2025)
    html_2026 = me_report.render_html(partnership, language="en", year=2026)
    assert (
        "training-2026" not in html_2025
        and "Training" not in html_2025.split('id="activities"')[1].split("</table>")[0]
    )
    data_2025 = me_report.collect(partnership, year=2025)
    data_2026 = me_report.collect(partnership, year=2026)
    assert data_2025.activities == [] and data_2026.activities
    assert data_2025.spending.budget_idr == 0 < data_2026.spending.budget_idr
    assert all(t.created_at.year == 2025 for t in data_2025.timeline)
    assert all(t.created_at.year == 2026 for t in data_2026.timeline)
    assert html_2026.count("<tr>", html_2026.index('id="activities"')) > html_2025.count(
        "<tr>", html_2025.index('id="activities"')
    )
