"""Pages that correct what was recorded: a product's data and texts, an enterprise's photos, a
session's attendance, a buyer's profile and wants, and the trade events leads come from.

Each hands its form to one service; a refusal re-renders the page with the typed values and
the message beside its field (status 400); whoever may not change the record gets 404.
"""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sistercity.core.access import Action
from sistercity.core.views import file_response, run_service_on_form, submit_form
from sistercity.trade import forms, selectors, services
from sistercity.trade.models import Buyer, MentoringSession, Product
from sistercity.trade.views import (
    _context,
    _enterprise,
    _partnership,
    enterprise_page,
    require_keeper_or_404,
)

PHOTO_TYPES = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg"}


def _status(form: Any) -> int:
    return 400 if form.is_bound else 200


@login_required
def product_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The owner or the MSME office corrects a product: its data, and its name and
    description in Indonesian, Japanese and English."""
    partnership = _partnership(request, slug)
    product = get_object_or_404(
        Product.objects.for_user(request.user, Action.CHANGE)
        .filter(enterprise__partnership=partnership)
        .select_related("enterprise")
        .distinct(),
        pk=pk,
    )
    form = forms.ProductForm(request.POST or None, initial=forms.ProductForm.initial_of(product))
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service_on_form(
            request,
            form,
            services.product_update,
            _("The product was saved."),
            product=product,
            **form.service_fields(),
        )
    ):
        return redirect("trade:product", slug=slug, pk=pk)
    return render(
        request,
        "trade/product_form.html",
        _context(request, partnership, form=form, product=product),
        status=_status(form),
    )


@login_required
@require_POST
def enterprise_photo_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The owner or the MSME office adds a photo; a refusal is shown beside its field."""
    partnership = _partnership(request, slug)
    enterprise = _enterprise(request, partnership, pk)
    require_keeper_or_404(request, enterprise)
    form = forms.EnterprisePhotoForm(request.POST, request.FILES)
    if submit_form(
        request,
        form,
        services.enterprise_photo_add,
        _("The photo was added."),
        on_form=True,
        enterprise=enterprise,
    ):
        return redirect("trade:enterprise", slug=slug, pk=pk)
    return enterprise_page(request, partnership, enterprise, photo_form=form)


@login_required
def enterprise_photo(request: HttpRequest, slug: str, pk: int, photo: int) -> HttpResponseBase:
    """An enterprise's photo, for whoever sees the enterprise (shown in its page)."""
    partnership = _partnership(request, slug)
    enterprise = _enterprise(request, partnership, pk)
    image = get_object_or_404(enterprise.photos.all(), pk=photo)
    name = (image.image.name or "photo").rsplit("/", 1)[-1]
    return file_response(
        image.image,
        filename=name,
        content_type=PHOTO_TYPES.get(name.rsplit(".", 1)[-1].lower(), "application/octet-stream"),
        as_attachment=False,
    )


@login_required
def session_edit(request: HttpRequest, slug: str, pk: int, session: int) -> HttpResponse:
    """The MSME office corrects a recorded session and who attended it."""
    partnership = _partnership(request, slug)
    item = get_object_or_404(
        MentoringSession.objects.for_user(request.user, Action.CHANGE)
        .filter(programme__partnership=partnership, programme_id=pk)
        .select_related("programme"),
        pk=session,
    )
    form = forms.SessionForm(
        request.POST or None,
        initial={
            "held_on": item.held_on,
            "topic": item.topic,
            "instructor": item.instructor,
            "attendees": list(item.attendees.values_list("pk", flat=True)),
        },
        enterprises=selectors.enterprise_list(user=request.user, partnership=partnership),
    )
    if submit_form(
        request,
        form,
        services.session_update,
        _("The session was saved."),
        on_form=True,
        session=item,
    ):
        return redirect("trade:mentoring", slug=slug, pk=pk)
    return render(
        request,
        "trade/session_form.html",
        _context(request, partnership, form=form, session=item, programme=item.programme),
        status=_status(form),
    )


@login_required
def buyer_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The buyer's people (or the MSME office) keep its profile and its standing wants."""
    partnership = _partnership(request, slug)
    buyer = get_object_or_404(
        Buyer.objects.for_user(request.user, Action.CHANGE)
        .filter(partnership=partnership)
        .distinct(),
        pk=pk,
    )
    form = forms.BuyerProfileForm.of(buyer, request.POST or None)
    if submit_form(
        request, form, services.buyer_update, _("The buyer was saved."), on_form=True, buyer=buyer
    ):
        return redirect("trade:overview", slug=slug)
    return render(
        request,
        "trade/buyer_edit.html",
        _context(request, partnership, form=form, buyer=buyer),
        status=_status(form),
    )


@login_required
def event_new(request: HttpRequest, slug: str) -> HttpResponse:
    """The MSME office records a trade fair or promotion event."""
    partnership = _partnership(request, slug)
    if not selectors.can_change_pillar(request.user, partnership):
        raise Http404
    form = forms.TradeEventForm(request.POST or None)
    if submit_form(
        request,
        form,
        services.event_record,
        _("The event was recorded."),
        on_form=True,
        partnership=partnership,
    ):
        return redirect("trade:overview", slug=slug)
    return render(
        request,
        "trade/event_form.html",
        _context(request, partnership, form=form),
        status=_status(form),
    )
