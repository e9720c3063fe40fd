"""Open-call work for "My tasks" (see partnerships/inbox.py, the seam): applications assigned to
me for review and not yet scored; my applications still in draft."""

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.core.templatetags.sistercity import tr
from sistercity.exchange.choices import Status
from sistercity.exchange.models import Application, ReviewAssignment
from sistercity.partnerships import inbox


def reviews_to_score(user: Any, today: dt.date) -> list[inbox.Task]:
    assignments = (
        ReviewAssignment.objects.filter(
            reviewer=user,
            conflict=False,
            submitted_at__isnull=True,
            application__status__in=(Status.SUBMITTED, Status.UNDER_REVIEW),
        )
        .select_related("application__call")
        .prefetch_related("application__call__translations")
        .order_by("application__created_at")
    )
    return [
        inbox.Task(
            kind=_("Score an application"),
            title=tr(a.application.call, "title", plain=True),
            url=reverse("exchange:review", args=[a.application.reference]),
        )
        for a in assignments
    ]


def applications_to_complete(user: Any, today: dt.date) -> list[inbox.Task]:
    drafts = (
        Application.objects.filter(applicant=user, status=Status.DRAFT)
        .select_related("call")
        .prefetch_related("call__translations")
        .order_by("created_at")
    )
    return [
        inbox.Task(
            kind=_("Complete and submit your application"),
            title=tr(a.call, "title", plain=True),
            url=reverse("exchange:application", args=[a.reference]),
            due_on=timezone.localdate(a.call.closes_at),  # the call's closing day
            overdue=a.call.closes_at < timezone.now(),
        )
        for a in drafts
    ]


for source in (reviews_to_score, applications_to_complete):
    if source not in inbox.INBOX_SOURCES:
        inbox.INBOX_SOURCES.append(source)
