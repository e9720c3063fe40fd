"""Writes and state transitions for calls, applications, review, allocation, offers, readiness
and what comes after return.

Each service checks permission, works in one transaction, records who did it (auditlog's actor
context) and refuses bad input with one translated SisterCityError, writing nothing. Every
status change of an application is e-mailed to the applicant in her own language.

By sub-domain: ``calls`` (set-up), ``applications`` (registration to withdrawal), ``review``
(assignments, conflicts, scores, decisions), ``runs`` (allocation runs), ``offers``,
``readiness`` (before departure) and ``after_return``. Callers use this package:
``services.application_submit(...)``.
"""

from sistercity.exchange.services._common import require_call
from sistercity.exchange.services.after_return import (
    alumni_opt_in,
    host_feedback_record,
    report_submit,
)
from sistercity.exchange.services.applications import (
    EDITABLE_FIELDS,
    applicant_register,
    applicant_resend_verification,
    applicant_verify_email,
    application_start,
    application_submit,
    application_update,
    application_upload,
    application_withdraw,
    verification_token,
)
from sistercity.exchange.services.calls import (
    call_create,
    call_publish,
    criterion_add,
    host_create,
    panel_add,
    placement_create,
    placement_rank,
    placement_set_capacity,
    question_add,
    required_document_add,
)
from sistercity.exchange.services.offers import (
    offer_accept,
    offer_decline,
    offers_expire_due,
)
from sistercity.exchange.services.privacy import (
    applicant_erase,
    application_erase_personal,
    applications_erase_due,
    file_access_record,
    retention_days,
)
from sistercity.exchange.services.readiness import (
    READINESS_FIELDS,
    orientation_record,
    participant_complete,
    participant_depart,
    readiness_send_reminders,
    readiness_update,
)
from sistercity.exchange.services.review import (
    application_decide,
    review_assign,
    review_declare_conflict,
    review_submit,
)
from sistercity.exchange.services.runs import allocation_apply, allocation_run

__all__ = [
    "applicant_erase",
    "application_erase_personal",
    "applications_erase_due",
    "file_access_record",
    "retention_days",
    "EDITABLE_FIELDS",
    "READINESS_FIELDS",
    "allocation_apply",
    "allocation_run",
    "alumni_opt_in",
    "applicant_register",
    "applicant_resend_verification",
    "applicant_verify_email",
    "application_decide",
    "application_start",
    "application_submit",
    "application_update",
    "application_upload",
    "application_withdraw",
    "call_create",
    "call_publish",
    "criterion_add",
    "host_create",
    "host_feedback_record",
    "offer_accept",
    "offer_decline",
    "offers_expire_due",
    "orientation_record",
    "panel_add",
    "participant_complete",
    "participant_depart",
    "placement_create",
    "placement_rank",
    "placement_set_capacity",
    "question_add",
    "readiness_send_reminders",
    "readiness_update",
    "report_submit",
    "require_call",
    "required_document_add",
    "review_assign",
    "review_declare_conflict",
    "review_submit",
    "verification_token",
]
