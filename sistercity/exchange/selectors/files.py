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

from sistercity.accounts.models import Membership
from sistercity.core.access import Action, partnership_ids
from sistercity.core.roles import Role
from sistercity.exchange.models import ApplicationFile, ReviewAssignment
from sistercity.exchange.selectors.applications import identity_visible
from sistercity.partnerships.models import Partnership


def secretariat_partnership_ids(user: Any) -> QuerySet:
    """Ids of the partnerships of a municipality where ``user`` works in the secretariat."""
    rows = Membership.objects.filter(user=user, role=Role.SECRETARIAT).values_list(
        "organisation_id", "organisation__parent_id"
    )
    municipalities = {parent or organisation for organisation, parent in rows}
    return Partnership.municipalities.through.objects.filter(
        organisation_id__in=municipalities
    ).values("partnership_id")


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
