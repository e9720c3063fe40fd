"""Writes to the glossary. The platform admin and every municipality's secretariat edit it:
the terms are shared by all partnerships."""

from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.choices import Role
from sistercity.accounts.models import Membership
from sistercity.core.access import forbidden
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.glossary.models import Term, lines

FIELDS = [
    "concept",
    "domain",
    "english_forms",
    "term_id",
    "term_ja",
    "variants_id",
    "variants_ja",
    "avoid_id",
    "avoid_ja",
    "definition_id",
    "definition_ja",
    "definition_en",
    "source",
    "status",
]


def can_edit_glossary(user: Any) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or Membership.objects.filter(user=user, role=Role.SECRETARIAT).exists()


NOT_AN_EDITOR = _("Only the platform admin and the secretariats edit the glossary.")


def _require_editor(actor: Any) -> None:
    if not can_edit_glossary(actor):
        raise forbidden(NOT_AN_EDITOR)


def _check_against_others(term: Term) -> None:
    """A variant must not be another concept's term, nor a term another concept's variant:
    the check could no longer tell the two concepts apart."""
    if Term.objects.exclude(pk=term.pk).filter(concept__iexact=term.concept).exists():
        raise SisterCityError(
            _("The glossary already has the concept “{concept}”.").format(concept=term.concept)
        )
    for language in ("id", "ja"):
        mine = {v.casefold() for v in lines(getattr(term, f"variants_{language}"))}
        own_term = getattr(term, f"term_{language}").casefold()
        for other in Term.objects.exclude(pk=term.pk):
            other_term = getattr(other, f"term_{language}")
            theirs = {v.casefold() for v in lines(getattr(other, f"variants_{language}"))}
            if other_term.casefold() in mine:
                raise SisterCityError(
                    _("The variant “{variant}” is the term of the concept “{other}”.").format(
                        variant=other_term, other=other.concept
                    )
                )
            if own_term in theirs:
                raise SisterCityError(
                    _("The term “{term}” is a variant of the concept “{other}”.").format(
                        term=getattr(term, f"term_{language}"), other=other.concept
                    )
                )


def _save(actor: Any, term: Term, data: dict[str, Any]) -> Term:
    for field in FIELDS:
        if field in data:
            value = data[field]
            setattr(term, field, value.strip() if isinstance(value, str) else value)
    if not term.term_id or not term.term_ja:
        raise SisterCityError(_("An entry needs both its Indonesian and its Japanese term."))
    with transaction.atomic(), set_actor(actor):
        full_clean(term)
        _check_against_others(term)
        term.save()
    return term


def term_create(*, actor: Any, **data: Any) -> Term:
    _require_editor(actor)
    return _save(actor, Term(), data)


def term_update(*, actor: Any, term: Term, **data: Any) -> Term:
    _require_editor(actor)
    return _save(actor, term, data)
