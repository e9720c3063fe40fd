"""Who may download which application file: access follows the file's purpose.

- A **required document** (CV, transcript, motivation letter) is what the panel scores: its
  applicant, the reviewers assigned to the application without a conflict, and the staff who
  run the call (secretariat, partner officer) may open it.
- **Readiness evidence** (passport, visa, insurance) is needed only to get the participant on
  the plane: its applicant and the partnership's secretariat may open it — not reviewers, not
  the partner city's officers, not observers (UU 27/2022 and APPI: purpose limitation).

Observers never download applicants' files; platform admins may open every file.
"""

from typing import Any

from django.db.models import Q, QuerySet

from sistercity.core.access import Action, partnership_ids
from sistercity.exchange.models import (
    ApplicationFile,
    Call,
    FileAccess,
    ReviewAssignment,
    secretariat_partnership_ids,
)
from sistercity.exchange.selectors.applications import identity_visible


def downloadable_files(user: Any) -> QuerySet[ApplicationFile]:
    """The application files ``user`` may download."""
    files = ApplicationFile.objects.select_related("application__call", "required_document")
    if not user.is_authenticated:
        return files.none()
    if user.is_superuser:
        return files
    own = Q(application__applicant=user)
    assigned = ReviewAssignment.objects.filter(reviewer=user, conflict=False).values(
        "application_id"
    )
    review_documents = Q(required_document__isnull=False) & (
        Q(application__in=assigned)
        | Q(application__call__partnership__in=partnership_ids(user, Action.CHANGE))
    )
    evidence = Q(evidence__gt="") & Q(
        application__call__partnership__in=secretariat_partnership_ids(user)
    )
    return files.filter(own | review_documents | evidence)


def shown_file_name(user: Any, stored: ApplicationFile) -> str:
    """The name a file is shown and downloaded under. A reviewer of a blind call does not see
    the name it was uploaded with (``cv_dewi.pdf`` names the applicant): she gets the document's
    code and the application's short reference."""
    application = stored.application
    if identity_visible(user, application) or stored.required_document is None:
        return stored.original_name
    extension = (stored.file.name or "").rsplit(".", 1)[-1]
    return f"{stored.required_document.code}-{application.short_reference}.{extension}"


def file_access_log(
    *, user: Any, call: Call | None = None, application: Any = None
) -> QuerySet[FileAccess]:
    """Who opened which application file, newest first, as ``user`` may read it (the
    secretariat for its partnerships, an applicant for her own files)."""
    log = FileAccess.objects.for_user(user).select_related("user", "application")
    if call is not None:
        log = log.filter(application__call=call)
    if application is not None:
        log = log.filter(application=application)
    return log
