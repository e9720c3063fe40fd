"""PDFs from HTML, with the fonts they need shipped inside the package.

Japanese (and Indonesian, and English) text is set in Noto Sans CJK JP from
``core/fonts/`` (SIL Open Font License, ``LICENSE-OFL.txt``), declared here with
``@font-face``, so a server without fonts-noto-cjk prints the same report as one with it.
WeasyPrint embeds the glyphs it uses. Only the regular weight ships (16 MB); bold text is
emboldened from it.
"""

from pathlib import Path

FONT_FILE = Path(__file__).resolve().parent / "fonts" / "NotoSansCJKjp-Regular.otf"
FONT_FAMILY = "Noto Sans CJK JP"

FONT_FACE_CSS = f'@font-face {{ font-family: "{FONT_FAMILY}"; src: url("{FONT_FILE.as_uri()}"); }}'


def pdf_from_html(html: str, *, base_url: str | None = None) -> bytes:
    """The PDF of ``html`` with the shipped font available to its ``font-family`` rules."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    stylesheet = CSS(string=FONT_FACE_CSS, font_config=fonts)
    return HTML(string=html, base_url=base_url).write_pdf(
        stylesheets=[stylesheet], font_config=fonts
    )
