"""A glossary entry: one concept with its agreed term in each language.

The three languages sit side by side on one row (not parler translations): an entry *is* the
comparison of the terms, and the check reads all of them at once."""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from sistercity.core.models import TimeStampedModel
from sistercity.glossary.choices import Domain, TermStatus

LINES_HELP = _("One per line.")


def lines(text: str) -> list[str]:
    """The non-empty lines of a one-per-line field."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class Term(TimeStampedModel):
    concept = models.CharField(
        _("concept (English)"),
        max_length=120,
        help_text=_("The English term; it is the entry's key."),
    )
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices)
    english_forms = models.TextField(
        _("other English forms"),
        blank=True,
        help_text=_("Plurals and spellings that mean the same concept. One per line."),
    )
    term_id = models.CharField(_("Indonesian term"), max_length=200)
    term_ja = models.CharField(_("Japanese term"), max_length=200)
    variants_id = models.TextField(
        _("allowed Indonesian variants"), blank=True, help_text=LINES_HELP
    )
    variants_ja = models.TextField(_("allowed Japanese variants"), blank=True, help_text=LINES_HELP)
    avoid_id = models.TextField(
        _("Indonesian words not to use"),
        blank=True,
        help_text=_("Calques and wrong registers the check refuses. One per line."),
    )
    avoid_ja = models.TextField(
        _("Japanese words not to use"),
        blank=True,
        help_text=_("Calques and wrong registers the check refuses. One per line."),
    )
    definition_id = models.TextField(_("definition (Indonesian)"), blank=True)
    definition_ja = models.TextField(_("definition (Japanese)"), blank=True)
    definition_en = models.TextField(_("definition (English)"), blank=True)
    source = models.CharField(
        _("source"),
        max_length=300,
        help_text=_("The regulation or official body that uses the term."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=TermStatus.choices, default=TermStatus.PROPOSED
    )

    class Meta:
        ordering = ["domain", "concept"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        constraints = [
            models.UniqueConstraint(
                Lower("concept"),
                name="unique_glossary_concept",
                violation_error_message=_("The glossary already has this concept."),
            )
        ]

    def __str__(self) -> str:
        return self.concept

    def terms(self, language: str) -> list[str]:
        """The agreed term and its allowed variants in ``language`` ("id" or "ja")."""
        return [getattr(self, f"term_{language}"), *lines(getattr(self, f"variants_{language}"))]

    def avoided(self, language: str) -> list[str]:
        return lines(getattr(self, f"avoid_{language}"))

    def english(self) -> list[str]:
        return [self.concept, *lines(self.english_forms)]

    def term(self, language: str) -> str:
        """The agreed term in ``language``; the concept itself in English."""
        return self.concept if language == "en" else getattr(self, f"term_{language}")

    def definition(self, language: str) -> str:
        return getattr(self, f"definition_{language}")
