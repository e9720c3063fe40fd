"""The interface, the lifecycle data and the demo content use the glossary's agreed terms.

A sector's catalogue (``sistercity/<sector>/locale``) and content are held to the shared terms
and its own; the platform's to the shared terms, the lifecycle, calls and waste. Each test
lists every finding, so a failure reads as a to-do list for translators."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.apps import apps
from django.conf import settings

from sistercity.demo.data import TAGS
from sistercity.glossary import selectors
from sistercity.glossary.choices import SECTOR_DOMAINS
from sistercity.partnerships.lifecycle_data import DOCUMENT_TYPES, PILLARS, TRACKS

LANGUAGES = {"id": 0, "ja": 1}  # position in the (id, ja, en) tuples of the seed data
CATALOGUES = sorted(Path(settings.BASE_DIR).glob("**/locale/*/LC_MESSAGES/django.po"))


def _app_of(path: Path) -> str:
    """The app a catalogue belongs to ("" for the project catalogue)."""
    folder = path.parents[3]
    return "" if folder == Path(settings.BASE_DIR) else folder.name


def _catalogue_pairs(path: Path) -> Iterator[tuple[str, str]]:
    with open(path, "rb") as handle:
        for message in read_po(handle):
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            texts = message.string if isinstance(message.string, tuple) else (message.string,)
            for index, text in enumerate(texts):
                yield ids[min(index, len(ids) - 1)], text


def _lifecycle_texts() -> Iterator[tuple[str, str, str]]:
    """Every (id, ja, en) name of the lifecycle data: pillars, document types, tracks,
    stages and their requirements."""
    yield from (names for _code, _dac, names in PILLARS)
    yield from (names for _code, names in DOCUMENT_TYPES)
    for track in TRACKS:
        yield track["name"]
        for _code, names, requirements in track["stages"]:
            yield names
            yield from (requirement[-1] for requirement in requirements)


def _demo_pairs(language: str, app_label: str) -> Iterator[tuple[str, str]]:
    """Every translated field of the demo content of ``app_label``'s models (of the
    platform's, for ""): (English text, text in ``language``)."""
    platform = app_label == ""
    if platform:
        yield from ((texts[2], texts[LANGUAGES[language]]) for texts in TAGS.values())
    for model in apps.get_models():
        meta = getattr(model, "_parler_meta", None)
        if meta is None or model._meta.proxy:
            continue
        label = model._meta.app_label
        if (label if label in SECTOR_DOMAINS else "") != app_label:
            continue
        for level in meta:
            fields = [f for f in level.get_translated_fields()]
            rows: dict[int, dict[str, object]] = {}
            for row in level.model.objects.filter(language_code__in=["en", language]):
                rows.setdefault(row.master_id, {})[row.language_code] = row
            for by_language in rows.values():
                if {"en", language} <= by_language.keys():
                    for field in fields:
                        english = getattr(by_language["en"], field)
                        text = getattr(by_language[language], field)
                        if isinstance(english, str) and isinstance(text, str):
                            yield english, text


@pytest.mark.django_db
@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_the_catalogues_use_the_agreed_terms(path):
    checker = selectors.checker(path.parts[-3], _app_of(path))
    findings = checker.check_all(_catalogue_pairs(path))
    assert [str(f) for f in findings] == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_lifecycle_data_uses_the_agreed_terms(language):
    pairs = ((names[2], names[LANGUAGES[language]]) for names in _lifecycle_texts())
    findings = selectors.checker(language).check_all(pairs)
    assert [str(f) for f in findings] == []


@pytest.mark.django_db
@pytest.mark.parametrize("app_label", ["", *sorted(SECTOR_DOMAINS)])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_demo_content_uses_the_agreed_terms(demo, language, app_label):
    findings = selectors.checker(language, app_label).check_all(_demo_pairs(language, app_label))
    assert [str(f) for f in findings] == []


@pytest.mark.django_db
def test_a_sectors_texts_are_held_to_its_own_terms_only():
    """A fire service's "call" is a phone call: the exchange's open-call rule is not applied
    to it, while the shared terms are."""
    exchange_call = ("The call is open.", "Panggilan dibuka.")
    assert selectors.checker("id").check_all([exchange_call]) != []
    assert selectors.checker("id", "emergency").check_all([exchange_call]) == []
    regency = ("Batang Regency", "カブパテン・バタン")
    assert selectors.checker("ja", "emergency").check_all([regency]) != []


@pytest.mark.django_db
def test_the_check_reads_the_glossary_as_edited(demo):
    """The check follows the glossary's data, not a copy: refusing a word fails the check."""
    from sistercity.glossary.models import Term

    Term.objects.filter(concept="partnership").update(avoid_id="kerja sama")
    findings = selectors.checker("id").check_all([("Partnerships", "Kerja sama")])
    assert [f.problem for f in findings] == ["avoided: kerja sama"]
