"""What the exchange app contributes to the platform (``core.registry``): counts of its
applicants by stage, which the education pillar's indicators can be fed from, the daily jobs
that lapse unanswered offers and remind participants of their checklist, and what the privacy
rules need: an applicant's data to download, its erasure with her account and after the
retention period."""

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy as _

from sistercity.core.registry import IndicatorFeed, Sector
from sistercity.exchange import selectors, services
from sistercity.exchange.tasks import (
    erase_expired_personal_data,
    expire_offers,
    send_readiness_reminders,
)


def _count(key: str) -> Callable[[Any, Any], int]:
    """A feed's count: one figure of ``selectors.exchange_counts`` for the partnership (and the
    indicator's pillar, when it has one)."""

    def count(partnership: Any, pillar: Any) -> int:
        return selectors.exchange_counts(partnership=partnership, pillar=pillar)[key]

    return count


# The labels are the msgids the programmes app offered before the feeds were registered here,
# so their translations carry over.
INDICATOR_FEEDS = [
    IndicatorFeed(
        "exchange:applications",
        _("exchange calls: applications submitted"),
        _count("applications"),
    ),
    IndicatorFeed(
        "exchange:participants", _("exchange calls: participants"), _count("participants")
    ),
    IndicatorFeed(
        "exchange:completed", _("exchange calls: participants returned"), _count("completed")
    ),
    IndicatorFeed("exchange:alumni", _("exchange calls: alumni listed"), _count("alumni")),
]


def personal_data(user: Any) -> dict[str, Any]:
    """An applicant's own applications as they gave them: answers, files (names and checksums,
    not the files themselves, which they download from the application page), places they
    chose and how the status moved. Reviewers' scores are the reviewers' records, left out."""
    from sistercity.exchange.models import Application

    applications = (
        Application.objects.filter(applicant=user)
        .select_related("call", "residence")
        .prefetch_related("call__translations", "files", "preferences__placement", "status_changes")
        .order_by("created_at")
    )
    rows = [
        {
            "reference": str(a.reference),
            "call": a.call.safe_translation_getter("title", any_language=True),
            "status": a.status,
            "submitted_at": a.submitted_at.isoformat() if a.submitted_at else None,
            "date_of_birth": a.date_of_birth.isoformat() if a.date_of_birth else None,
            "gender": a.gender,
            "phone": a.phone,
            "residence": str(a.residence) if a.residence else None,
            "currently_enrolled": a.is_enrolled,
            "institution": a.institution,
            "field_of_study": a.field_of_study,
            "language_level": a.language_level,
            "motivation": a.motivation,
            "answers": a.answers,
            "listed_as_alumni": a.alumni_opt_in,
            "files": [
                {
                    "name": f.original_name,
                    "size": f.size,
                    "sha256": f.sha256,
                    "uploaded_at": f.uploaded_at.isoformat(),
                }
                for f in a.files.all()
            ],
            "preferences": [
                {"rank": p.rank, "placement": str(p.placement)} for p in a.preferences.all()
            ],
            "status_history": [
                {"from": c.from_status, "to": c.to_status, "at": c.created_at.isoformat()}
                for c in a.status_changes.all()
            ],
        }
        for a in applications
    ]
    return {"applications": rows} if rows else {}


SECTOR = Sector(
    app_label="exchange",
    pillar="education",
    indicator_feeds=INDICATOR_FEEDS,
    scheduled_jobs=[expire_offers, send_readiness_reminders, erase_expired_personal_data],
    personal_data=[personal_data],
    erase_personal_data=[services.applicant_erase],
    retention=[services.applications_erase_due],
)
