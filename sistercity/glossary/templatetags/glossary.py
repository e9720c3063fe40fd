"""``{% glossary_hints object fields %}``: beside a content-translation form, the
glossary terms the object's texts use, with their agreed translations."""

from typing import Any

from django import template

from sistercity.glossary.selectors import terms_in

register = template.Library()


@register.inclusion_tag("glossary/_hints.html")
def glossary_hints(obj: Any, fields: list[str]) -> dict[str, Any]:
    texts: dict[str, str] = {}
    for row in obj.translations.all():
        texts[row.language_code] = " ".join(str(getattr(row, f, "") or "") for f in fields)
    return {"terms": terms_in(texts)}
