"""The trilingual public prospectus: what Batang offers, with a contact form that creates a
lead. Guarded without third parties: a honeypot field and a per-address rate limit."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from sistercity.core.errors import SisterCityError
from sistercity.core.spam import client_address
from sistercity.core.views import form_errors
from sistercity.investment import forms, selectors, services


def prospectus(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = selectors.public_partnership(slug)
    return render(
        request,
        "investment/prospectus.html",
        {
            "partnership": partnership,
            "opportunities": selectors.public_opportunities(partnership),
            "projects": selectors.public_projects(partnership),
            "incentives": selectors.public_incentives(partnership),
            "sectors": selectors.public_sectors(partnership),
        },
    )


def _enquiry(request: HttpRequest, offer: Any) -> HttpResponse | None:
    """Handle a POSTed enquiry; a redirect when it is done (or silently dropped as spam)."""
    form = forms.EnquiryForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return None
    data = form.cleaned_data
    thanks = _("Thank you. Your enquiry was sent to the investment office.")
    try:
        services.enquiry_guard(client=client_address(request), honeypot=data["website"])
        services.enquiry_submit(
            offer=offer,
            name=data["name"],
            email=data["email"],
            company=data["company"],
            message=data["message"],
        )
    except SisterCityError as error:
        if error.code != "spam":
            messages.error(request, str(error))
            return None
        # A bot filled the hidden field: it is told nothing different, and nothing is saved.
    messages.success(request, thanks)
    return redirect(request.path)


def _offer_page(request: HttpRequest, partnership: Any, offer: Any, kind: str) -> HttpResponse:
    if request.method == "POST":
        done = _enquiry(request, offer)
        if done is not None:
            return done
        form = forms.EnquiryForm(request.POST)
    else:
        form = forms.EnquiryForm()
    return render(
        request,
        "investment/offer_public.html",
        {"partnership": partnership, "offer": offer, "kind": kind, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def opportunity_public(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    partnership = selectors.public_partnership(slug)
    offer = get_object_or_404(selectors.public_opportunities(partnership), code=code)
    return _offer_page(request, partnership, offer, "opportunity")


def project_public(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    partnership = selectors.public_partnership(slug)
    offer = get_object_or_404(selectors.public_projects(partnership), code=code)
    return _offer_page(request, partnership, offer, "project")
