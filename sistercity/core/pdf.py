"""PDFs from HTML, with the fonts they need shipped inside the package.

Japanese (and Indonesian, and English) text is set in Noto Sans CJK JP from
``core/fonts/`` (SIL Open Font License, ``LICENSE-OFL.txt``), declared here with
``@font-face``, so a server without fonts-noto-cjk prints the same report as one with it.
WeasyPrint embeds the glyphs it uses. Only the regular weight ships (16 MB); bold text is
emboldened from it.

Each PDF is drawn in a child process (forked from a fork server that has WeasyPrint loaded):
WeasyPrint's C libraries (Pango, fontconfig) can crash the whole process on a badly set-up
machine, and a crash there must cost one PDF, not the web worker and every request on it. A
child that dies or runs past ``PDF_TIMEOUT_SECONDS`` gives :class:`PdfFailed`, which the
middleware answers with a translated 503 page.
"""

import multiprocessing
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sistercity.core.errors import SisterCityError

FONT_FILE = Path(__file__).resolve().parent / "fonts" / "NotoSansCJKjp-Regular.otf"
FONT_FAMILY = "Noto Sans CJK JP"

FONT_FACE_CSS = f'@font-face {{ font-family: "{FONT_FAMILY}"; src: url("{FONT_FILE.as_uri()}"); }}'


class PdfFailed(SisterCityError):
    def __init__(self):
        super().__init__(
            _(
                "The PDF could not be made just now. Try again in a moment; if it keeps "
                "failing, tell the platform administrators."
            ),
            code="pdf_failed",
            status=503,
        )


def pdf_from_html(html: str, *, base_url: str | None = None) -> bytes:
    """The PDF of ``html`` with the shipped font available to its ``font-family`` rules, drawn
    in a child process; :class:`PdfFailed` if that child crashes or takes too long."""
    return run_in_child(_render, html, base_url, timeout=settings.PDF_TIMEOUT_SECONDS)


def run_in_child(function: Any, *args: Any, timeout: float) -> Any:
    """``function(*args)`` in a child process, its result sent back through a pipe. An
    exception in the child is re-raised here as :class:`PdfFailed` after logging; so is a
    child that dies (a signal, a crash in C code) or does not answer within ``timeout``."""
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, function, args), daemon=True)
    child.start()
    sender.close()
    try:
        answered = receiver.poll(timeout)
        outcome = receiver.recv() if answered else None
    except EOFError:  # the child died before it answered
        outcome = None
    finally:
        receiver.close()
        child.join(1)
        if child.is_alive():
            child.kill()
            child.join()
    if outcome is None or not outcome[0]:
        import logging

        logging.getLogger(__name__).error(
            "PDF child failed (exit code %s): %s", child.exitcode, outcome and outcome[1]
        )
        raise PdfFailed
    return outcome[1]


_CONTEXT: Any = None


def _context() -> Any:
    # A fork server is forked from before any thread or C library of the web process exists,
    # and loads WeasyPrint once; each PDF child is a cheap fork of it.
    global _CONTEXT
    if _CONTEXT is None:
        _CONTEXT = multiprocessing.get_context("forkserver")
        _CONTEXT.set_forkserver_preload(["weasyprint"])
    return _CONTEXT


def _child(sender: Any, function: Any, args: tuple) -> None:
    try:
        result = (True, function(*args))
    except Exception as error:  # noqa: BLE001 - reported to the parent, which logs it
        result = (False, repr(error))
    sender.send(result)
    sender.close()


def _render(html: str, base_url: str | None) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    stylesheet = CSS(string=FONT_FACE_CSS, font_config=fonts)
    return HTML(string=html, base_url=base_url).write_pdf(
        stylesheets=[stylesheet], font_config=fonts
    )
