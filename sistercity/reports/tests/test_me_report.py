"""The annual M&E report: in the chosen language, with stage history, activities, indicator
tables (approved values only), spending and charts; the Japanese PDF embeds a CJK font."""

import io
import re
import zlib

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
    # Stage history from the demo: exploration reached in October 2025.
    assert html.count("<tr>", html.index('id="stages"'), html.index('id="activities"')) >= 3
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
    assert len(list(workbook["stages"].iter_rows())) >= 3
