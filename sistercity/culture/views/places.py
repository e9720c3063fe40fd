"""The organisers' pages for destinations (with their photos) and cultural exchanges: a form
to add one, the same form to change it. A refusal stays on the form, beside its field. Members
who may not change the culture pillar get 403, outsiders 404."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sistercity.core.access import Action, access_for
from sistercity.core.views import partnership_for, submit_form
from sistercity.culture import forms, selectors, services
from sistercity.culture.choices import PILLAR
from sistercity.culture.models import CulturalExchange, Destination


def _organising(request: HttpRequest, slug: str) -> Any:
    partnership = partnership_for(request, slug)
    if not access_for(request.user, partnership).can(Action.CHANGE, pillar=PILLAR):
        raise PermissionDenied
    return partnership


def _language() -> str:
    return get_language() or "id"


def _texts(row: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: row.safe_translation_getter(name, any_language=True) or "" for name in names}


def _status(form: Any, *others: Any) -> int:
    return 400 if any(f.is_bound and f.errors for f in (form, *others)) else 200


def _new(
    request: HttpRequest, slug: str, form_class: Any, service: Any, success: str, kind: str
) -> HttpResponse:
    """The page that adds a destination or an exchange (``kind``), then opens its edit page."""
    partnership = _organising(request, slug)
    form = form_class(request.POST or None, partnership=partnership)
    row = submit_form(
        request, form, service, success, on_form=True, partnership=partnership, language=_language()
    )
    if row:
        return redirect(f"culture:{kind}_edit", slug, row.slug)
    context = {"partnership": partnership, "form": form}
    return render(request, f"culture/{kind}_form.html", context, status=_status(form))


@login_required
def destination_new(request: HttpRequest, slug: str) -> HttpResponse:
    return _new(
        request,
        slug,
        forms.DestinationForm,
        services.destination_create,
        _("The destination was added."),
        "destination",
    )


def _destination(request: HttpRequest, partnership: Any, destination: str) -> Destination:
    rows = selectors.managed_destinations(user=request.user, partnership=partnership)
    return get_object_or_404(rows, slug=destination)


def _destination_form(partnership: Any, row: Destination, data: Any = None) -> Any:
    initial = {
        "city": row.city_id,
        "category": row.category,
        "latitude": row.latitude,
        "longitude": row.longitude,
        "website": row.website,
        **_texts(row, services.DESTINATION_TEXTS),
    }
    return forms.DestinationForm(data, partnership=partnership, editing=True, initial=initial)


def _destination_page(
    request: HttpRequest, partnership: Any, row: Destination, form: Any, photo_form: Any
) -> HttpResponse:
    context = {
        "partnership": partnership,
        "destination": row,
        "form": form,
        "photo_form": photo_form,
        "error_form": photo_form if photo_form.errors else None,
    }
    status = _status(form, photo_form)
    return render(request, "culture/destination_form.html", context, status=status)


@login_required
def destination_edit(request: HttpRequest, slug: str, destination: str) -> HttpResponse:
    partnership = _organising(request, slug)
    row = _destination(request, partnership, destination)
    form = _destination_form(partnership, row, request.POST or None)
    done = submit_form(
        request,
        form,
        services.destination_update,
        _("The destination was saved."),
        on_form=True,
        destination=row,
        language=_language(),
    )
    if done:
        return redirect("culture:destination_edit", slug=slug, destination=row.slug)
    return _destination_page(request, partnership, row, form, forms.DestinationPhotoForm())


@login_required
@require_POST
def destination_photo_add(request: HttpRequest, slug: str, destination: str) -> HttpResponse:
    partnership = _organising(request, slug)
    row = _destination(request, partnership, destination)
    photo_form = forms.DestinationPhotoForm(request.POST, request.FILES)
    done = submit_form(
        request,
        photo_form,
        services.destination_add_photo,
        _("The photo was added."),
        on_form=True,
        destination=row,
        language=_language(),
    )
    if done:
        return redirect("culture:destination_edit", slug=slug, destination=row.slug)
    return _destination_page(
        request, partnership, row, _destination_form(partnership, row), photo_form
    )


@login_required
def exchange_new(request: HttpRequest, slug: str) -> HttpResponse:
    return _new(
        request,
        slug,
        forms.CulturalExchangeForm,
        services.cultural_exchange_create,
        _("The cultural exchange was recorded."),
        "exchange",
    )


@login_required
def exchange_edit(request: HttpRequest, slug: str, exchange: str) -> HttpResponse:
    partnership = _organising(request, slug)
    rows = selectors.managed_exchanges(user=request.user, partnership=partnership)
    row: CulturalExchange = get_object_or_404(rows, slug=exchange)
    initial = {
        "from_city": row.from_city_id,
        "to_city": row.to_city_id,
        "starts_on": row.starts_on,
        "ends_on": row.ends_on,
        "participants": row.participants,
        "events": [e.pk for e in row.events.all()],
        "meeting": row.meeting_id,
        **_texts(row, services.EXCHANGE_TEXTS),
    }
    form = forms.CulturalExchangeForm(
        request.POST or None, partnership=partnership, editing=True, initial=initial
    )
    done = submit_form(
        request,
        form,
        services.cultural_exchange_update,
        _("The cultural exchange was saved."),
        on_form=True,
        exchange=row,
        language=_language(),
    )
    if done:
        return redirect("culture:exchange_edit", slug=slug, exchange=row.slug)
    context = {"partnership": partnership, "exchange": row, "form": form}
    return render(request, "culture/exchange_form.html", context, status=_status(form))
