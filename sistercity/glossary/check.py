"""The glossary check: does a translation use the agreed term for every concept its English
text names? Pure (no Django): catalogues, lifecycle data and demo content are all pairs of an
English text and its translation.

Rules, per pair and glossary entry whose English form occurs in the English text (whole words,
any case, placeholders and markup ignored; a longer concept hides the shorter ones inside it,
so "sister city" is not also checked as "city"):
- the translation must contain the agreed term or an allowed variant (any case);
- it must not contain a word the entry refuses ("panggilan" for a call, "カブパテン").
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# %(name)s, %s, {name}, and HTML tags: not words of the text.
_NOISE = re.compile(r"%\(\w+\)[sdfr]|%[sdfr]|\{[^{}]*\}|<[^>]+>")


@dataclass(frozen=True)
class Entry:
    concept: str
    english: Sequence[str]  # the concept and its other English forms
    terms: Sequence[str]  # the agreed term and the allowed variants in the checked language
    avoided: Sequence[str] = ()


@dataclass(frozen=True)
class Finding:
    concept: str
    english: str
    translation: str
    problem: str  # "missing" or "avoided: <word>"

    def __str__(self) -> str:
        return f"{self.concept} [{self.problem}]: {self.english!r} → {self.translation!r}"


def _pattern(forms: Iterable[str]) -> re.Pattern[str]:
    alternatives = sorted((re.escape(form) for form in forms if form), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


class Checker:
    """Compiled once for a glossary and a language; ``check`` then runs over many pairs."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        # Longest English form first: it masks the shorter concepts inside it.
        self._entries = sorted(entries, key=lambda e: max(map(len, e.english)), reverse=True)
        self._patterns = [_pattern(entry.english) for entry in self._entries]

    def check(self, english: str, translation: str) -> list[Finding]:
        if not english or not translation:
            return []
        text = _NOISE.sub(" ", english)
        found = []
        folded = translation.casefold()
        for entry, pattern in zip(self._entries, self._patterns, strict=True):
            if not pattern.search(text):
                continue
            text = pattern.sub(" ", text)
            for word in entry.avoided:
                if word.casefold() in folded:
                    found.append(Finding(entry.concept, english, translation, f"avoided: {word}"))
            if not any(term.casefold() in folded for term in entry.terms):
                found.append(Finding(entry.concept, english, translation, "missing"))
        return found

    def check_all(self, pairs: Iterable[tuple[str, str]]) -> list[Finding]:
        return [finding for english, text in pairs for finding in self.check(english, text)]

    def concepts_in(self, text: str) -> list[str]:
        """The concepts an English text names, longest first (for the translators' sidebar)."""
        text = _NOISE.sub(" ", text)
        named = []
        for entry, pattern in zip(self._entries, self._patterns, strict=True):
            if pattern.search(text):
                named.append(entry.concept)
                text = pattern.sub(" ", text)
        return named
