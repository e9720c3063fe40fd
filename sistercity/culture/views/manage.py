"""The organisers' pages: the partnership's events, a form to add or change one, its status,
attendance and photos, and the registration list with its export. Members see the events;
only those who may change the culture pillar see and export who registered."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sistercity.core.access import Action, access_for
from sistercity.core.spreadsheets import csv_bytes
from sistercity.core.views import (
    file_response,
    partnership_for,
    run_service_on_form,
    submit_form,
)
from sistercity.culture import exports, forms, selectors, services
from sistercity.culture.choices import PILLAR
from sistercity.culture.models import Event

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _can_change(request: HttpRequest, partnership: Any) -> bool:
    return access_for(request.user, partnership).can(Action.CHANGE, pillar=PILLAR)


def _event(request: HttpRequest, partnership: Any, slug: str) -> Event:
    return get_object_or_404(
        selectors.managed_events(user=request.user, partnership=partnership), slug=slug
    )


def _organiser(request: HttpRequest, slug: str, event: str) -> tuple[Any, Event]:
    partnership = partnership_for(request, slug)
    row = _event(request, partnership, event)
    if not _can_change(request, partnership):
        raise PermissionDenied
    return partnership, row


def _status(*forms_shown: Any) -> int:
    """400 when one of the forms on the page was refused, else 200."""
    return 400 if any(f.is_bound and f.errors for f in forms_shown) else 200


def _manage_page(request: HttpRequest, partnership: Any, figure_form: Any = None) -> HttpResponse:
    figure_form = figure_form or forms.VisitorFigureForm(partnership=partnership)
    return render(
        request,
        "culture/manage.html",
        {
            "partnership": partnership,
            "events": selectors.managed_events(user=request.user, partnership=partnership),
            "destinations": selectors.managed_destinations(
                user=request.user, partnership=partnership
            ),
            "exchanges": selectors.managed_exchanges(user=request.user, partnership=partnership),
            "can_change": _can_change(request, partnership),
            "figure_form": figure_form,
            "error_form": figure_form if figure_form.errors else None,
        },
        status=_status(figure_form),
    )


@login_required
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    return _manage_page(request, partnership_for(request, slug))


@login_required
@require_POST
def visitor_figure_add(request: HttpRequest, slug: str) -> HttpResponse:
    """A refused figure shows the page again (400) with the error beside its field."""
    partnership = partnership_for(request, slug)
    form = forms.VisitorFigureForm(request.POST, partnership=partnership)
    done = submit_form(
        request,
        form,
        services.visitor_figure_record,
        _("The visitor figure was recorded."),
        on_form=True,
        partnership=partnership,
    )
    if done:
        return redirect("culture:manage", slug=slug)
    return _manage_page(request, partnership, form)


def _initial(event: Event) -> dict[str, Any]:
    local = "%Y-%m-%dT%H:%M"
    return {
        "slug": event.slug,
        "title": event.safe_translation_getter("title", any_language=True),
        "description": event.safe_translation_getter("description", any_language=True),
        "venue": event.safe_translation_getter("venue", any_language=True),
        "kind": event.kind,
        "city": event.city_id,
        "organiser": event.organiser_id,
        "pillar": event.pillar_id,
        "time_zone": event.time_zone,
        "starts_at": event.starts_at.astimezone(event.zone).strftime(local),
        "ends_at": event.ends_at.astimezone(event.zone).strftime(local),
        "online_url": event.online_url,
        "capacity": event.capacity,
        "registration_open": event.registration_open,
    }


@login_required
def event_new(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    if not _can_change(request, partnership):
        raise PermissionDenied
    form = forms.EventForm(request.POST or None, partnership=partnership)
    event = submit_form(
        request,
        form,
        services.event_create,
        _("The event was created."),
        on_form=True,
        partnership=partnership,
        language=get_language() or "id",
    )
    if event:
        return redirect("culture:event_edit", slug=slug, event=event.slug)
    context = {"partnership": partnership, "form": form}
    return render(request, "culture/event_form.html", context, status=_status(form))


def _event_page(request: HttpRequest, partnership: Any, row: Event, **shown: Any) -> HttpResponse:
    """The event's edit page with its four forms; ``shown`` holds the one that was refused
    (bound, with its errors at its fields), the others are blank."""
    context = {
        "form": forms.EventForm(partnership=partnership, initial=_initial(row)),
        "status_form": forms.EventStatusForm(initial={"status": row.status}),
        "attendance_form": forms.AttendanceForm(initial={"attendance": row.attendance}),
        "image_form": forms.ImageForm(),
        **shown,
    }
    refused = [f for f in context.values() if f.is_bound and f.errors]
    context.update(partnership=partnership, event=row, error_form=refused[0] if refused else None)
    return render(request, "culture/event_form.html", context, status=_status(*refused))


@login_required
def event_edit(request: HttpRequest, slug: str, event: str) -> HttpResponse:
    partnership, row = _organiser(request, slug, event)
    form = forms.EventForm(request.POST or None, partnership=partnership, initial=_initial(row))
    if request.method == "POST" and form.is_valid():
        changes = dict(form.cleaned_data)
        changes.pop("slug")
        done = run_service_on_form(
            request,
            form,
            services.event_update,
            _("The event was saved."),
            event=row,
            language=get_language() or "id",
            **changes,
        )
        if done:
            return redirect("culture:event_edit", slug=slug, event=row.slug)
    return _event_page(request, partnership, row, form=form)


def _event_form_post(
    request: HttpRequest,
    row: Event,
    partnership: Any,
    name: str,
    form: Any,
    service: Any,
    success: Any,
    **kwargs: Any,
) -> HttpResponse:
    """One of the small forms of the event's page: done → back to the page; refused → the
    page again (400) with the error beside the field and the typed value kept."""
    if submit_form(request, form, service, success, on_form=True, event=row, **kwargs):
        return redirect("culture:event_edit", slug=partnership.slug, event=row.slug)
    return _event_page(request, partnership, row, **{name: form})


@login_required
@require_POST
def event_status(request: HttpRequest, slug: str, event: str) -> HttpResponse:
    partnership, row = _organiser(request, slug, event)
    return _event_form_post(
        request,
        row,
        partnership,
        "status_form",
        forms.EventStatusForm(request.POST),
        services.event_set_status,
        _("The event's status was changed."),
    )


@login_required
@require_POST
def event_attendance(request: HttpRequest, slug: str, event: str) -> HttpResponse:
    partnership, row = _organiser(request, slug, event)
    return _event_form_post(
        request,
        row,
        partnership,
        "attendance_form",
        forms.AttendanceForm(request.POST),
        services.event_record_attendance,
        _("The attendance was recorded."),
    )


@login_required
@require_POST
def event_image_add(request: HttpRequest, slug: str, event: str) -> HttpResponse:
    partnership, row = _organiser(request, slug, event)
    return _event_form_post(
        request,
        row,
        partnership,
        "image_form",
        forms.ImageForm(request.POST, request.FILES),
        services.event_add_image,
        _("The image was added."),
        language=get_language() or "id",
    )


def _spreadsheet(fmt: str, name: str, rows: Any, xlsx: Any) -> Any:
    """``rows`` (a header, then rows) as CSV, or ``xlsx()`` as XLSX; 404 for another format."""
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        return file_response(
            csv_bytes(rows), filename=f"{name}-{stamp}.csv", content_type="text/csv; charset=utf-8"
        )
    if fmt == "xlsx":
        return file_response(xlsx(), filename=f"{name}-{stamp}.xlsx", content_type=XLSX)
    raise Http404


@login_required
def events_export(request: HttpRequest, slug: str, fmt: str) -> Any:
    """The partnership's events with their counts, for every member (no registrant's name)."""
    partnership = partnership_for(request, slug)
    rows = selectors.managed_events(user=request.user, partnership=partnership)
    return _spreadsheet(
        fmt, f"{slug}-events", exports.event_rows(rows), lambda: exports.events_xlsx(rows)
    )


@login_required
def figures_export(request: HttpRequest, slug: str, fmt: str) -> Any:
    """The partnership's monthly visitor figures with their sources, for every member."""
    partnership = partnership_for(request, slug)
    rows = selectors.managed_figures(user=request.user, partnership=partnership)
    return _spreadsheet(
        fmt,
        f"{slug}-visitor-figures",
        exports.figure_rows(rows),
        lambda: exports.figures_xlsx(rows),
    )


@login_required
def registrations(request: HttpRequest, slug: str, event: str) -> HttpResponse:
    partnership, row = _organiser(request, slug, event)
    return render(
        request,
        "culture/registrations.html",
        {
            "partnership": partnership,
            "event": row,
            "registrations": selectors.registration_list(user=request.user, event=row),
            "retention_days": services.retention_days(),
        },
    )


@login_required
def registrations_export(request: HttpRequest, slug: str, event: str, fmt: str) -> Any:
    _partnership, row = _organiser(request, slug, event)
    rows = selectors.registration_list(user=request.user, event=row)
    return _spreadsheet(
        fmt,
        f"{row.slug}-registrations",
        exports.registration_rows(row, rows),
        lambda: exports.registrations_xlsx(row, rows),
    )
