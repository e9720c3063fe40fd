"""PDFs carry their own Japanese font: a server with no fonts installed prints them the same."""

import subprocess
import sys
import zlib

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
    env = {"FONTCONFIG_FILE": str(empty), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
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
