"""How wide a text is when set in the font the charts and PDFs use (the shipped Noto Sans CJK
JP), so a chart places its legends and labels by measurement rather than by a guess of so many
pixels a character (a Japanese character is about twice as wide as a Latin one).

Read with fontTools (already installed with WeasyPrint); only the character map and the
advance widths are loaded, once.
"""

import unicodedata
from functools import lru_cache

from sistercity.core.pdf import FONT_FILE


@lru_cache(maxsize=1)
def _metrics() -> tuple[dict[int, str], dict[str, int], int] | None:
    try:
        from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

        font = TTFont(str(FONT_FILE), lazy=True)
        return (
            font.getBestCmap(),
            {k: v[0] for k, v in font["hmtx"].metrics.items()},
            int(font["head"].unitsPerEm),
        )
    except Exception:  # no font file: fall back to the width classes below
        return None


def _guess(char: str) -> float:
    """Width in em without the font: full-width scripts 1 em, the rest about 0.58 em."""
    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F") else 0.58


def text_width(text: str, size: float) -> float:
    """The advance width of ``text`` at ``size`` pixels (or points)."""
    metrics = _metrics()
    if metrics is None:
        return sum(_guess(c) for c in text) * size
    cmap, advances, per_em = metrics
    total = 0.0
    for char in text:
        glyph = cmap.get(ord(char))
        total += advances[glyph] / per_em if glyph in advances else _guess(char)
    return total * size
