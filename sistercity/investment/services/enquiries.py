"""The prospectus's contact form: an enquiry becomes a lead of the offer's pipeline owner, who
is told by e-mail. Anyone may send one, so the form is guarded without third parties: a
honeypot field and a per-address rate limit, core's shared spam protection (``core.spam``)."""

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sistercity.core.errors import SisterCityError, full_clean
from sistercity.core.mail import send_templated_mail
from sistercity.core.spam import guard_submission
from sistercity.investment import choices as c
from sistercity.investment.models import Lead, Opportunity, PartnerProject

# At most this many enquiries from one address per window.
RATE_LIMIT = 5
RATE_WINDOW_SECONDS = 3600


def enquiry_guard(*, client: str, honeypot: str) -> None:
    """Refuse a robot's enquiry (a filled honeypot: code ``spam``) and the one past the limit
    from ``client`` (an address), through core's shared spam protection."""
    guard_submission(
        scope="investment:enquiry",
        client=client,
        honeypot=honeypot,
        limit=RATE_LIMIT,
        window=RATE_WINDOW_SECONDS,
        refusal=_("Too many enquiries from your address; please try again in an hour."),
    )


def enquiry_submit(
    *,
    offer: Opportunity | PartnerProject,
    name: str,
    email: str,
    company: str,
    message: str,
) -> Lead:
    """A visitor's enquiry about a public opportunity or project: a new lead at
    "identified", owned by the offer's pipeline owner, who receives an e-mail."""
    if not offer.is_public or not offer.partnership.is_public:
        raise SisterCityError(_("This offer is not on the public prospectus."), code="private")
    if not message.strip():
        raise SisterCityError(_("Write your enquiry."), code="message")
    lead = Lead(
        partnership=offer.partnership,
        title=str(_("Enquiry: {company}").format(company=company or name))[:200],
        owner=offer.owner,
        source=c.LeadSource.PROSPECTUS,
        currency=c.Currency.USD,
        enquiry_name=name,
        enquiry_email=email,
        enquiry_company=company,
        enquiry_message=message,
    )
    if isinstance(offer, Opportunity):
        lead.opportunity = offer
    else:
        lead.project = offer
    full_clean(lead)
    # No actor: the public wrote it (the change log shows no one; the lead's fields say who).
    with transaction.atomic():
        lead.save()
    _tell_owner(lead, offer)
    return lead


def _tell_owner(lead: Lead, offer: Any) -> None:
    send_templated_mail(
        to_user=lead.owner,
        template="investment/email/new_enquiry",
        context={
            "lead": lead,
            "offer": offer,
            "partnership": lead.partnership,
            "site_url": settings.SITE_URL,
        },
    )
