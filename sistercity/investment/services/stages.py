"""Which evidence a lead still lacks for a stage: the rule table is ``choices.STAGE_REQUIREMENTS``
(data); this module only answers, for one lead, which of those requirements are met."""

from typing import Any

from django.utils import timezone

from sistercity.investment import choices as c


def _met(lead: Any, requirement: str) -> bool:
    if requirement == c.Requirement.COMPANY:
        return lead.company_id is not None
    if requirement == c.Requirement.CONTACT:
        return lead.company_id is not None and lead.company.contacts.exists()
    if requirement == c.Requirement.VISIT:
        return lead.delegations.filter(arrived_on__lte=timezone.localdate()).exists()
    kind = c.DOCUMENT_FOR_REQUIREMENT[requirement]
    return lead.documents.filter(kind=kind).exists()


def requirements_up_to(stage: str) -> list[str]:
    """Every requirement of the stages up to and including ``stage``, in order."""
    if stage not in c.STAGE_ORDER:
        return []
    wanted: list[str] = []
    for step in c.STAGE_ORDER[: c.STAGE_ORDER.index(stage) + 1]:
        wanted.extend(r for r in c.STAGE_REQUIREMENTS[step] if r not in wanted)
    return wanted


def missing_for(lead: Any, stage: str) -> list[str]:
    """The requirements (codes) ``lead`` does not meet for standing in ``stage``."""
    return [r for r in requirements_up_to(stage) if not _met(lead, r)]


def stage_index(stage: str) -> int:
    return c.STAGE_ORDER.index(stage) if stage in c.STAGE_ORDER else -1
