"""Template helpers for content translations, money and numbers in the reader's language."""

from decimal import Decimal

from babel.numbers import format_compact_decimal, format_currency, format_decimal
from django import template
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sistercity.core.models import TranslationStatus

register = template.Library()

_BABEL_LOCALE = {"id": "id_ID", "ja": "ja_JP", "en": "en_US"}


def _locale() -> str:
    return _BABEL_LOCALE.get(get_language() or settings.LANGUAGE_CODE, "id_ID")


def _fallback_languages() -> list[str]:
    """``PARLER_LANGUAGES["default"]["fallbacks"]``: the languages tried, in order, for a
    text missing in the reader's."""
    # The settings literal mixes the per-site tuple (key None) with this dictionary, so the
    # type inferred for it has lost the dictionary's shape: narrow it back.
    default = settings.PARLER_LANGUAGES["default"]
    if not isinstance(default, dict):
        raise ImproperlyConfigured('PARLER_LANGUAGES["default"] must be a dictionary.')
    return [code for code in default["fallbacks"] if isinstance(code, str)]


def _field_text(row: object, field: str) -> object:
    """The value of ``field`` on a translation row; empty when there is no row."""
    return "" if row is None else getattr(row, field, "")


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
    value = _field_text(row, field)
    if row is not None and value:
        if row.translation_status == TranslationStatus.MACHINE and not plain:
            return format_html(
                '{} <small class="tr-mark" title="{}">[{}]</small>',
                value,
                _("This text was translated by machine and not yet reviewed."),
                _("machine translation"),
            )
        return value
    for code in _fallback_languages():
        other = rows.get(code)
        value = _field_text(other, field)
        if other is not None and value:
            if plain:
                return f"{value} [{code.upper()}]"
            return format_html(
                '<span lang="{}">{}</span> <small class="tr-mark" title="{}">[{}]</small>',
                code,
                value,
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
