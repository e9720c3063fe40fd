"""Applicants' personal data over time (UU 27/2022, APPI): every download of a file is logged;
once an application is settled and the retention period has passed — or when the applicant
deletes her account — her personal facts, answers, checklist and files are erased.

What stays, and why: the application row with its call, status, dates and status history (the
counts the education pillar's indicators are fed from and the decisions the partnership must be
able to account for), the panel's scores, the access log (who opened which file: the data
subject's own protection) and the change log, which never held the personal fields
(``exchange/audit.py``).
"""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.utils import timezone

from sistercity.exchange.choices import SETTLED, Gender
from sistercity.exchange.models import (
    Application,
    ApplicationFile,
    FileAccess,
    HostFeedback,
    ParticipantReport,
    Readiness,
)


def retention_days() -> int:
    """Days an application's personal data is kept after its last decision once it is settled
    (not selected, withdrawn, declined, completed…) and its call has closed."""
    return int(getattr(settings, "EXCHANGE_APPLICATION_RETENTION_DAYS", 365))


def file_access_record(*, actor: Any, stored: ApplicationFile) -> FileAccess:
    """Log that ``actor`` opened ``stored`` (the view has already checked she may)."""
    required = stored.required_document
    document = required.code if required is not None else stored.evidence or "file"
    return FileAccess.objects.create(
        application=stored.application, file=stored, document=document, user=actor
    )


def _delete_files(files: Any) -> None:
    names = [f.file.name for f in files if f.file]
    storage = ApplicationFile._meta.get_field("file").storage
    files.delete()

    # Delete from storage only once the rows are gone for good.
    def delete_stored() -> None:
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete_stored)


@transaction.atomic
def application_erase_personal(application: Application) -> Application:
    """Erase one application's personal data, keeping what the counts and the record of
    decisions need. Idempotent."""
    Application.objects.filter(pk=application.pk).update(
        date_of_birth=None,
        gender=Gender.UNSPECIFIED,
        phone="",
        residence=None,
        institution="",
        motivation="",
        answers={},
        erased_at=application.erased_at or timezone.now(),
    )
    _delete_files(ApplicationFile.objects.filter(application=application))
    Readiness.objects.filter(application=application).update(
        passport_expires_on=None,
        insurance_provider="",
        insurance_valid_until=None,
        emergency_contact_name="",
        emergency_contact_phone="",
    )
    ParticipantReport.objects.filter(application=application).update(text="")
    HostFeedback.objects.filter(application=application).update(text="")
    application.refresh_from_db()
    return application


def applications_erase_due(*, now: dt.datetime | None = None) -> int:
    """Erase the personal data of settled applications whose call closed and whose last
    decision is more than the retention period old. Idempotent: erased ones are left alone."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=retention_days())
    due = (
        Application.objects.filter(erased_at__isnull=True, status__in=SETTLED)
        .filter(call__closes_at__lt=cutoff)
        .annotate(settled_at=Coalesce(Max("status_changes__created_at"), "call__closes_at"))
        .filter(settled_at__lt=cutoff)
    )
    count = 0
    for application in due:
        application_erase_personal(application)
        count += 1
    return count


def applicant_erase(user: Any) -> dict[str, int]:
    """The exchange part of "delete my account": every application of ``user`` is erased now,
    whatever its status (an open offer or a running stay ends with the account)."""
    applications = list(Application.objects.filter(applicant=user))
    for application in applications:
        application_erase_personal(application)
    return {"applications": len(applications)} if applications else {}
