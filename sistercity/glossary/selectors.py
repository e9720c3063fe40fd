"""Reads of the glossary: the public list, the check's entries, the translators' hints."""

import re
from collections.abc import Iterable, Mapping

from django.db.models import Q, QuerySet

from sistercity.glossary.check import Checker, Entry
from sistercity.glossary.choices import Domain, domains_for
from sistercity.glossary.models import Term


def terms_by_domain(query: str = "") -> list[tuple[str, list[Term]]]:
    """The glossary grouped by domain in the domains' order, optionally filtered."""
    terms: QuerySet[Term] = Term.objects.all()
    if query:
        terms = terms.filter(
            Q(concept__icontains=query)
            | Q(term_id__icontains=query)
            | Q(term_ja__icontains=query)
            | Q(variants_id__icontains=query)
            | Q(variants_ja__icontains=query)
        )
    grouped: dict[str, list[Term]] = {}
    for term in terms:
        grouped.setdefault(term.domain, []).append(term)
    return [(str(label), grouped[value]) for value, label in Domain.choices if value in grouped]


def entries(language: str, terms: Iterable[Term] | None = None) -> list[Entry]:
    """The glossary as the check reads it, for ``language`` ("id" or "ja")."""
    return [
        Entry(t.concept, t.english(), t.terms(language), t.avoided(language))
        for t in (Term.objects.all() if terms is None else terms)
    ]


def checker(language: str, app_label: str = "") -> Checker:
    """The check for ``language``, with the domains the texts of ``app_label`` are held to
    (the platform's own, when no sector is named)."""
    return Checker(entries(language, Term.objects.filter(domain__in=domains_for(app_label))))


def _occurs(word: str, text: str, language: str) -> bool:
    # Japanese has no spaces between words; Indonesian words must stand alone ("program" is
    # not found in "programnya", which is fine for hints and avoids matching inside words).
    if language == "ja":
        return word in text
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


def terms_in(texts: Mapping[str, str]) -> list[Term]:
    """The entries whose term occurs in any of ``texts`` (language code → text): in English by
    the check's word matching, in Indonesian and Japanese by the agreed term or a variant."""
    all_terms = list(Term.objects.all())
    by_concept = {t.concept: t for t in all_terms}
    english = Checker(entries("id", all_terms)).concepts_in(texts.get("en", ""))
    found = {concept: by_concept[concept] for concept in english}
    for language in ("id", "ja"):
        text = texts.get(language, "")
        for term in all_terms if text else []:
            if any(_occurs(word, text, language) for word in term.terms(language)):
                found.setdefault(term.concept, term)
    return sorted(found.values(), key=lambda t: t.concept.casefold())
