"""The seed glossary, read from ``terms.toml`` (the data translators and secretariats review)
into the rows of ``Term``."""

import tomllib
from pathlib import Path
from typing import Any

SOURCE = Path(__file__).with_name("terms.toml")


def _row(entry: dict[str, Any]) -> dict[str, Any]:
    definition_id, definition_ja, definition_en = entry["definition"]
    return {
        "concept": entry["concept"],
        "domain": entry["domain"],
        "english_forms": "\n".join(entry.get("english", [])),
        "term_id": entry["id"][0],
        "variants_id": "\n".join(entry["id"][1:]),
        "term_ja": entry["ja"][0],
        "variants_ja": "\n".join(entry["ja"][1:]),
        "avoid_id": "\n".join(entry.get("avoid_id", [])),
        "avoid_ja": "\n".join(entry.get("avoid_ja", [])),
        "definition_id": definition_id,
        "definition_ja": definition_ja,
        "definition_en": definition_en,
        "source": entry["source"],
        "status": entry.get("status", "agreed"),
    }


def load_terms() -> list[dict[str, Any]]:
    with open(SOURCE, "rb") as handle:
        return [_row(entry) for entry in tomllib.load(handle)["term"]]


TERMS = load_terms()
