"""After return: the participant's report, the host's feedback and the alumni list."""

from auditlog.context import set_actor
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.models import User
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.exchange.choices import Status
from sistercity.exchange.models import Application, HostFeedback, ParticipantReport
from sistercity.exchange.services._common import lock, require_call, require_own, transition

RETURNED = (Status.COMPLETED, Status.ALUMNI)


def report_submit(*, actor: User, application: Application, text: str) -> ParticipantReport:
    require_own(actor, application)
    text = (text or "").strip()
    if not text:
        raise SisterCityError(_("The report is empty."), code="empty")
    with transaction.atomic(), set_actor(actor):
        application = lock(application)
        if application.status not in RETURNED:
            raise SisterCityError(
                _("The report is written after the programme is completed."), code="not_completed"
            )
        report, _created = ParticipantReport.objects.get_or_create(
            application=application, defaults={"text": text}
        )
        report.text = text
        full_clean(report)
        report.save()
    return report


def host_feedback_record(
    *, actor: User, application: Application, rating: int, text: str = ""
) -> HostFeedback:
    require_call(actor, application.call, application=application)
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        raise SisterCityError(_("The rating goes from 1 to 5."), code="rating")
    with transaction.atomic(), set_actor(actor):
        application = lock(application)
        if application.status not in (Status.TRAVELLING, *RETURNED):
            raise SisterCityError(
                _("Host feedback is recorded for participants who went."), code="not_completed"
            )
        feedback, _created = HostFeedback.objects.update_or_create(
            application=application,
            defaults={"rating": rating, "text": text, "entered_by": actor},
        )
        full_clean(feedback)
    return feedback


def alumni_opt_in(*, actor: User, application: Application, listed: bool) -> Application:
    """Join (or leave) the alumni list; the first opt-in after completion makes her alumni."""
    require_own(actor, application)
    with transaction.atomic(), set_actor(actor):
        application = lock(application)
        if application.status not in RETURNED:
            raise SisterCityError(
                _("The alumni list is for participants who completed the programme."),
                code="not_completed",
            )
        application.alumni_opt_in = listed
        application.save(update_fields=["alumni_opt_in", "updated_at"])
        if listed and application.status == Status.COMPLETED:
            transition(application, Status.ALUMNI, actor=actor)
    return application
