"""PDFs carry their own Japanese font: a server with no fonts installed prints them the same."""

import os
import subprocess
import sys
import time
import zlib

import pytest
from django.urls import reverse
from django.utils import translation

from sistercity.core.pdf import PdfFailed, run_in_child

SCRIPT = """
import sys
from sistercity.core.pdf import FONT_FAMILY, pdf_from_html
style = "font-family: '" + FONT_FAMILY + "'"
html = '<html lang="ja"><body style="' + style + '">富山市とバタン県</body></html>'
sys.stdout.buffer.write(pdf_from_html(html))
"""


def test_a_japanese_pdf_uses_the_shipped_font_even_where_fontconfig_knows_no_font(tmp_path):
    # A fontconfig with no font directory at all: only the @font-face file can be used.
    empty = tmp_path / "fonts.conf"
    empty.write_text(
        '<?xml version="1.0"?><fontconfig><cachedir>' + str(tmp_path) + "</cachedir></fontconfig>"
    )
    env = {
        "FONTCONFIG_FILE": str(empty),
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "sistercity.config.settings",
    }
    pdf = subprocess.run(  # noqa: S603 - our own interpreter and fixed script
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, check=True, timeout=120
    ).stdout
    assert pdf.startswith(b"%PDF")
    streams = []
    for part in pdf.split(b"stream")[1:]:
        body = part.split(b"endstream")[0].strip(b"\r\n")
        try:
            streams.append(zlib.decompress(body))
        except zlib.error:
            continue
    # The shipped face is embedded (fontconfig could offer nothing else), and the text is set in
    # its glyphs: its ToUnicode map names 富 (U+5BCC).
    assert any(b"/FontName /" in s and b"Noto-Sans-CJK-JP" in s for s in streams)
    assert any(b"5bcc" in s.lower() for s in streams)


# Each PDF is drawn in a child process, so that a crash in WeasyPrint's C libraries (seen as a
# segfault where fontconfig had no fonts) costs one PDF and not the web process.


def test_a_child_that_crashes_costs_the_pdf_not_the_process():
    started = os.getpid()
    with pytest.raises(PdfFailed) as failed:
        run_in_child(os.abort, timeout=30)  # SIGABRT: dies as a segfault would
    assert failed.value.status == 503
    assert os.getpid() == started  # this process carries on
    assert run_in_child(len, b"still working", timeout=30) == 13


def test_a_child_that_hangs_is_killed_at_the_timeout():
    begun = time.monotonic()
    with pytest.raises(PdfFailed):
        run_in_child(time.sleep, 60, timeout=1)
    assert time.monotonic() - begun < 30


def test_an_error_in_the_child_is_a_failed_pdf():
    with pytest.raises(PdfFailed):
        run_in_child(int, "not a number", timeout=30)


@pytest.mark.django_db
def test_a_failed_pdf_is_a_translated_503_page(demo, client_for, settings, monkeypatch):
    """The page a person gets when the child fails: a 503 in their language, not a 500."""
    from sistercity.core import pdf

    monkeypatch.setattr(pdf, "_render", os.abort)  # the drawing itself crashes
    client = client_for(demo.users["budi"])
    for language, words in (
        ("ja", "PDFを作成できませんでした"),
        ("id", "PDF tidak dapat dibuat"),
        ("en", "The PDF could not be made"),
    ):
        with translation.override(language):
            url = reverse("environment:scenario_pdf", args=[demo.partnership.slug, "toyama-style"])
        response = client.get(url)
        assert response.status_code == 503
        assert words in response.content.decode()
