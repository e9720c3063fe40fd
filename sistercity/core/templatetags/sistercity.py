"""Template helpers for content translations, money and numbers in the reader's language."""

from decimal import Decimal

from babel.numbers import format_compact_decimal, format_currency, format_decimal
from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sistercity.core.models import TranslationStatus

register = template.Library()

_BABEL_LOCALE = {"id": "id_ID", "ja": "ja_JP", "en": "en_US"}


def _locale() -> str:
    return _BABEL_LOCALE.get(get_language() or settings.LANGUAGE_CODE, "id_ID")


@register.simple_tag
def tr(obj, field: str, plain: bool = False):
    """A translated content field in the active language, with a visible fallback.

    ``plain=True`` gives text without markup (e-mails, titles): the fallback is still marked,
    with the language code in brackets.

    Reads ``obj.translations.all()`` so that a list prefetched with
    ``prefetch_related("translations")`` costs no query per row.
    """
    if obj is None:
        return ""
    rows = {row.language_code: row for row in obj.translations.all()}
    language = get_language() or settings.LANGUAGE_CODE
    row = rows.get(language)
    if row is not None and getattr(row, field, ""):
        value = getattr(row, field)
        if row.translation_status == TranslationStatus.MACHINE and not plain:
            return format_html(
                '{} <small class="tr-mark" title="{}">[{}]</small>',
                value,
                _("This text was translated by machine and not yet reviewed."),
                _("machine translation"),
            )
        return value
    fallbacks = settings.PARLER_LANGUAGES["default"]["fallbacks"]
    for code in fallbacks:
        other = rows.get(code)
        if other is not None and getattr(other, field, ""):
            if plain:
                return f"{getattr(other, field)} [{code.upper()}]"
            return format_html(
                '<span lang="{}">{}</span> <small class="tr-mark" title="{}">[{}]</small>',
                code,
                getattr(other, field),
                _("No translation in this language yet; shown in the original language."),
                code.upper(),
            )
    return ""


@register.filter
def money(amount, currency: str = "IDR"):
    """An amount with its ISO currency, formatted for the reader: Rp 1.000.000 / ￥1,000."""
    if amount in (None, ""):
        return ""
    return format_currency(Decimal(amount), currency, locale=_locale())


@register.filter
def number(value, digits: int | None = None):
    if value in (None, ""):
        return ""
    fmt = None
    if digits is not None:
        places = int(digits)
        fmt = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(value, format=fmt, locale=_locale())


@register.filter
def model_label(content_type) -> str:
    """The translated verbose name of a content type's model (for change-log rows)."""
    model = content_type.model_class() if content_type else None
    return str(model._meta.verbose_name) if model else ""


@register.filter
def get_item(mapping, key):
    """``{{ mapping|get_item:key }}`` for dictionaries built by views."""
    return mapping.get(key, []) if mapping else []


@register.filter
def compact(value):
    """A short number for chart labels: 1.6M / 1,6 M / 160万, per language."""
    if value in (None, ""):
        return ""
    return format_compact_decimal(value, locale=_locale(), fraction_digits=1)
