"""Glossary edits show in the audit log: an agreed term is a decision."""

from sistercity.core.audit import register
from sistercity.glossary.models import Term

register(Term)
