"""What every app's serializers share."""

from typing import Any


def translations_of(obj: Any, *fields: str) -> dict[str, dict[str, Any]]:
    """Every language's text of a translatable object, with its translation status."""
    return {
        row.language_code: {
            **{field: getattr(row, field) for field in fields},
            "status": row.translation_status,
        }
        for row in obj.translations.all()
    }
