"""The layout of the programme tables, shared by export and import, and the helpers both use.

Layout (the same for every format; column names are stable and English, values are codes):

``programmes``
    code · pillar (pillar code, e.g. ``environment``) · status (IATI ActivityStatus 1–6) · weight ·
    public (true/false) · lead_agencies (organisation short names separated by ``;``) ·
    title_id · title_ja · title_en · description_id · description_ja · description_en
``activities``
    programme (programme code) · code · status · planned_start · planned_end · actual_start ·
    actual_end (ISO dates, YYYY-MM-DD) · sector_code (OECD-DAC, empty = the pillar's) · public ·
    title_id · title_ja · title_en · description_id · description_ja · description_en
``indicators``
    programme · code (unique in the partnership) · result_type (IATI ResultType 1–3) ·
    result_status (not_started/in_progress/completed) · result_weight · result_title_id ·
    result_title_ja · result_title_en · measure (IATI IndicatorMeasure 1 unit, 2 percentage,
    5 qualitative) · ascending · cumulative · unit · baseline_year · baseline_value · weight ·
    title_id · title_ja · title_en — and, read-only (exported, ignored on import): target ·
    actual (approved updates only) · progress (%)
``periods``
    indicator (indicator code) · start · end · target · target_comment — read-only: actual

A result has no code: an indicator names its result by the result's titles. Rows of new
indicators with the same programme and result titles share one result; an existing indicator
keeps its result, whose type, status, weight and titles the row updates.

XLSX: one sheet per table, named as above, header in row 1. CSV: a ZIP with one UTF-8 file per
table (``programmes.csv`` …), or one table alone.

Import (XLSX only) creates what is new and updates what exists, identified by codes (programme
code; programme + activity code; indicator code; indicator + period start). It never deletes.
An empty text cell leaves an existing translation as it is; an empty date or number clears it.
Everything is checked first — size, columns, formulas, codes, numbers, dates, duplicates,
permissions (the secretariat and partner officers edit every pillar, an agency officer the
programmes of his own pillars) — and the rows are written only when no row has an error, all in
one transaction: all or nothing.
"""

from decimal import Decimal

LANGUAGES = ("id", "ja", "en")


def _texts(prefix):
    return [f"{prefix}_{code}" for code in LANGUAGES]


COLUMNS = {
    "programmes": [
        "code",
        "pillar",
        "status",
        "weight",
        "public",
        "lead_agencies",
        *_texts("title"),
        *_texts("description"),
    ],
    "activities": [
        "programme",
        "code",
        "status",
        "planned_start",
        "planned_end",
        "actual_start",
        "actual_end",
        "sector_code",
        "public",
        *_texts("title"),
        *_texts("description"),
    ],
    "indicators": [
        "programme",
        "code",
        "result_type",
        "result_status",
        "result_weight",
        *_texts("result_title"),
        "measure",
        "ascending",
        "cumulative",
        "unit",
        "baseline_year",
        "baseline_value",
        "weight",
        *_texts("title"),
    ],
    "periods": ["indicator", "start", "end", "target", "target_comment"],
}
READ_ONLY = {
    "programmes": [],
    "activities": [],
    "indicators": ["target", "actual", "progress"],
    "periods": ["actual"],
}
SHEETS = list(COLUMNS)
MAX_ROWS = 5000


def translation_text(obj, name: str, language: str) -> str:
    """One translated field in one language, "" when missing.

    Reads the prefetched rows directly: parler's accessors answer in the current language or a
    fallback, and a table needs each language exactly as stored."""
    for row in obj.translations.all():
        if row.language_code == language:
            return getattr(row, name, "") or ""
    return ""


def translation_texts(obj, name: str) -> list[str]:
    """One translated field in every language, in the order of ``LANGUAGES``."""
    return [translation_text(obj, name, code) for code in LANGUAGES]


def round_value(value) -> Decimal | None:
    """A progress figure rounded to one decimal, as it is published."""
    if value is None:
        return None
    return Decimal(str(round(value, 1)))
