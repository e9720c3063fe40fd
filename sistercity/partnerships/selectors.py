"""Reads. Every function takes the user and returns only what that user may see."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q
from django.utils import timezone

from sistercity.core.permissions import Action
from sistercity.partnerships import procedure
from sistercity.partnerships.models import (
    Approval,
    Document,
    DocumentVersion,
    Partnership,
    PartnershipTrack,
    Stage,
    StageTransition,
)

RequirementStatus = procedure.RequirementStatus


def with_overview(partnerships):
    """What a list or card of partnerships shows, prefetched so rows cost no extra queries."""
    return partnerships.prefetch_related(
        "translations",
        Prefetch("municipalities", queryset=_municipalities()),
        Prefetch("pillars", queryset=_pillars()),
        Prefetch(
            "tracks",
            queryset=PartnershipTrack.objects.select_related(
                "track", "current_stage"
            ).prefetch_related("track__translations", "current_stage__translations"),
        ),
    ).order_by("slug")


def partnership_list(*, user, action: str = Action.VIEW):
    return with_overview(Partnership.objects.for_user(user, action))


def public_partnership_list():
    return with_overview(Partnership.objects.filter(is_public=True))


def _municipalities():
    from sistercity.accounts.models import Organisation

    return Organisation.objects.prefetch_related("translations")


def _pillars():
    from sistercity.core.models import Pillar

    return Pillar.objects.prefetch_related("translations")


def track_stages(track_ids):
    """All stages of the given tracks with translations, grouped per track id."""
    stages: dict[int, list[Stage]] = {}
    for stage in (
        Stage.objects.filter(track_id__in=track_ids)
        .prefetch_related("translations")
        .order_by("track_id", "position")
    ):
        stages.setdefault(stage.track_id, []).append(stage)
    return stages


def partnership_timeline(partnership):
    return (
        StageTransition.objects.filter(partnership_track__partnership=partnership)
        .select_related("actor", "from_stage", "to_stage", "partnership_track__track")
        .prefetch_related(
            "from_stage__translations",
            "to_stage__translations",
            "partnership_track__track__translations",
        )
        .order_by("-created_at", "-pk")
    )


def document_list(*, user, partnership=None, action: str = Action.VIEW):
    documents = Document.objects.for_user(user, action)
    if partnership is not None:
        documents = documents.filter(partnership=partnership)
    return documents.select_related("document_type", "uploaded_by", "partnership").prefetch_related(
        "translations",
        "document_type__translations",
        Prefetch("versions", queryset=DocumentVersion.objects.order_by("-number")),
    )


def requirement_statuses(partnership_track: PartnershipTrack) -> list[RequirementStatus]:
    """What the current stage asks for, and whether each item is there."""
    partnership = partnership_track.partnership
    documents = Document.objects.filter(partnership=partnership, versions__isnull=False)
    evidence = procedure.Evidence(
        documents=frozenset(documents.values_list("document_type_id", flat=True)),
        signed_documents=frozenset(
            documents.filter(signed_on__isnull=False).values_list("document_type_id", flat=True)
        ),
        approvals=frozenset(
            Approval.objects.filter(partnership=partnership).values_list(
                "requirement_id", flat=True
            )
        ),
        pillar_count=partnership.pillars.count(),
    )
    return procedure.requirement_statuses(
        procedure.stage_requirements(partnership_track.current_stage), evidence
    )


def search(*, user, query: str):
    """One search box over partnerships, municipalities and documents, in all languages.

    ``icontains`` over the translation tables: a LIKE on both SQLite and PostgreSQL, which
    matches Japanese substrings such as 富山 or ごみ without word segmentation.
    """
    from sistercity.accounts.choices import MUNICIPAL_KINDS
    from sistercity.accounts.models import Organisation

    query = query.strip()
    if len(query) < 2:
        return {"partnerships": [], "municipalities": [], "documents": []}
    visible = (
        Partnership.objects.for_user(user) if user.is_authenticated else Partnership.objects.none()
    )
    partnership_match = (
        Q(translations__name__icontains=query)
        | Q(translations__summary__icontains=query)
        | Q(slug__icontains=query)
    )
    partnerships = (
        Partnership.objects.filter(partnership_match)
        .filter(Q(is_public=True) | Q(pk__in=visible.values("pk")))
        .distinct()
        .prefetch_related("translations")[:50]
    )
    municipalities = (
        Organisation.objects.filter(kind__in=MUNICIPAL_KINDS)
        .filter(
            Q(translations__name__icontains=query)
            | Q(translations__description__icontains=query)
            | Q(slug__icontains=query)
        )
        .distinct()
        .prefetch_related("translations")[:50]
    )
    documents = (
        document_list(user=user)
        .filter(
            Q(translations__title__icontains=query)
            | Q(parties__icontains=query)
            | Q(document_type__translations__name__icontains=query)
            | Q(versions__original_name__icontains=query)
        )
        .distinct()[:50]
        if user.is_authenticated
        else Document.objects.none()
    )
    return {
        "partnerships": list(partnerships),
        "municipalities": list(municipalities),
        "documents": list(documents),
    }


def partnership_history(
    partnership,
    *,
    actor: int | None = None,
    content_type: int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
):
    """The change log of a partnership and everything tied to it, newest first; narrowed to
    one person, one kind of object and the days ``since``–``until`` (both included, in the
    current time zone) when given."""
    from auditlog.models import LogEntry

    entries = LogEntry.objects.filter(additional_data__partnership=partnership.pk)
    if actor is not None:
        entries = entries.filter(actor_id=actor)
    if content_type is not None:
        entries = entries.filter(content_type_id=content_type)
    zone = timezone.get_current_timezone()
    if since is not None:
        entries = entries.filter(timestamp__gte=dt.datetime.combine(since, dt.time(), zone))
    if until is not None:
        end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time(), zone)
        entries = entries.filter(timestamp__lt=end)
    return entries.select_related("actor", "content_type").order_by("-timestamp", "-pk")


def history_choices(partnership) -> tuple[list[tuple[int, str]], list[int]]:
    """The people (id, name) and the content-type ids the partnership's log holds, for the
    History tab's filters. Only staff are offered: applicants and registrants are not named on
    the tab (``history._who``)."""
    from auditlog.models import LogEntry

    entries = LogEntry.objects.filter(additional_data__partnership=partnership.pk)
    actor_ids = set(entries.exclude(actor=None).values_list("actor_id", flat=True).distinct())
    people = [
        (user.pk, user.full_name or user.email)
        for user in get_user_model()
        .objects.filter(pk__in=actor_ids)
        .filter(Q(memberships__isnull=False) | Q(is_superuser=True))
        .distinct()
    ]
    people.sort(key=lambda pair: pair[1].casefold())
    return people, sorted(set(entries.values_list("content_type_id", flat=True).distinct()))
