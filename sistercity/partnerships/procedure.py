"""The lifecycle machinery, for any tracked procedure.

A *holder* (a partnership on one of its agreement tracks; another app's object on a track of
that app's ``subject``, e.g. a donated vehicle on its foreign-grant procedure) stands at one
stage of a track. It may leave the stage for the next only when every requirement the stage
declares is met, a refusal names what is missing, and stages are never skipped. Tracks, stages
and requirements are data (seeded by migrations, edited in the admin); the holder only says
what evidence it has (``Evidence``) and keeps its own position and timeline.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from sistercity.accounts.choices import Role
from sistercity.core.access import Action, forbidden, require
from sistercity.core.errors import SisterCityError
from sistercity.partnerships.choices import RequirementKind
from sistercity.partnerships.models import Stage, StageRequirement, Track

# Who may move a track: the secretariat or a partner officer of the track's own country.
TRACK_MOVERS = frozenset({Role.SECRETARIAT, Role.PARTNER_OFFICER})


@dataclass(frozen=True)
class Evidence:
    """What a holder has to show: the ids of the document types it holds a document of (and of
    those signed), of the approval requirements recorded, and how many pillars are in scope."""

    documents: frozenset[int] = frozenset()
    signed_documents: frozenset[int] = frozenset()
    approvals: frozenset[int] = frozenset()
    pillar_count: int = 0


@dataclass(frozen=True)
class RequirementStatus:
    requirement: StageRequirement
    met: bool
    detail: str = ""


def stage_requirements(stage: Stage) -> list[StageRequirement]:
    return list(
        stage.requirements.select_related("document_type")
        .prefetch_related("translations", "document_type__translations")
        .order_by("pk")
    )


def requirement_statuses(
    requirements: list[StageRequirement], evidence: Evidence
) -> list[RequirementStatus]:
    """What the stage asks for, and whether each item is among the holder's evidence."""
    statuses = []
    for requirement in requirements:
        if requirement.kind == RequirementKind.DOCUMENT:
            held = evidence.signed_documents if requirement.must_be_signed else evidence.documents
            statuses.append(RequirementStatus(requirement, requirement.document_type_id in held))
        elif requirement.kind == RequirementKind.APPROVAL:
            statuses.append(RequirementStatus(requirement, requirement.pk in evidence.approvals))
        else:
            count = evidence.pillar_count
            statuses.append(
                RequirementStatus(
                    requirement,
                    count >= (requirement.number or 0),
                    str(_("{count} pillars in scope").format(count=count)),
                )
            )
    return statuses


def stage_after(stage: Stage) -> Stage | None:
    """The next stage of the same track; None after the last."""
    return (
        Stage.objects.filter(track_id=stage.track_id, position__gt=stage.position)
        .order_by("position")
        .first()
    )


def first_stage(track: Track) -> Stage | None:
    return track.stages.order_by("position").first()


def require_mover(actor, obj, track: Track) -> None:
    """404 for outsiders; a translated 403 unless the actor is of the track's own side."""
    access = require(actor, obj, Action.ADVANCE)
    if not access.is_admin and not access.has_role(TRACK_MOVERS, country=track.country):
        raise forbidden(
            _("Only the {country} side can move the track “{track}”.").format(
                country=track.get_country_display(), track=track
            ),
            code="wrong_side",
        )


def check_can_leave(
    current: Stage,
    following: Stage | None,
    statuses: list[RequirementStatus],
    *,
    to_stage: str | None = None,
) -> None:
    """Refuse a move that skips a stage (``to_stage`` is the stage the caller expects to reach)
    or leaves ``current`` with a requirement unmet, naming each missing item."""
    if to_stage and (following is None or to_stage != following.code):
        raise SisterCityError(
            _("Stages cannot be skipped: the next stage after “{current}” is “{next}”.").format(
                current=current, next=following if following else _("the end of the procedure")
            ),
            code="stage_jump",
        )
    missing = [s for s in statuses if not s.met]
    if missing:
        items = "; ".join(describe_requirement(s.requirement) for s in missing)
        raise SisterCityError(
            _("“{stage}” cannot be completed yet. Missing: {items}.").format(
                stage=current, items=items
            ),
            code="requirements_missing",
        )


def describe_requirement(requirement: StageRequirement) -> str:
    if requirement.kind == RequirementKind.DOCUMENT:
        if requirement.must_be_signed:
            text = _("“{label}” (a signed “{document}” document)")
        else:
            text = _("“{label}” (a “{document}” document)")
        return str(text.format(label=requirement, document=requirement.document_type))
    if requirement.kind == RequirementKind.APPROVAL:
        return str(
            _("“{label}” (an approval recorded by the {role})").format(
                label=requirement, role=Role(requirement.granted_by_role).label
            )
        )
    return str(
        _("“{label}” (at least {number} pillars in scope)").format(
            label=requirement, number=requirement.number
        )
    )
