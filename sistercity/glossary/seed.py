"""Seeding the glossary from ``terms.py``: by migration 0002 (historical models) and by the demo
loader when a transactional test emptied the table. Only missing concepts are added, so
terms the secretariats edited are never overwritten."""

from django.apps import apps as django_apps

from sistercity.glossary.terms import TERMS


def seed_glossary(apps=django_apps) -> int:
    """Add the seed terms that are not in the glossary yet; return how many were added."""
    Term = apps.get_model("glossary", "Term")
    known = {c.casefold() for c in Term.objects.values_list("concept", flat=True)}
    missing = [Term(**entry) for entry in TERMS if entry["concept"].casefold() not in known]
    Term.objects.bulk_create(missing)
    return len(missing)
