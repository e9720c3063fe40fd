"""Thin pages: the response-time dashboard, the fleet and a vehicle (with its grant
procedure), crews, incidents, and coverage scenarios (run, map, compare, XLSX)."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from sistercity.core.access import Action, access_for
from sistercity.core.pdf import pdf_from_html
from sistercity.core.views import file_response, partnership_for, run_service, submit_form
from sistercity.emergency import exports, forms, maps, selectors, stats
from sistercity.emergency.choices import PILLAR
from sistercity.emergency.models import (
    Attendance,
    EquipmentItem,
    Firefighter,
    GrantDocument,
    TrainingCourse,
)
from sistercity.emergency.services import coverage as coverage_services
from sistercity.emergency.services import crews as crew_services
from sistercity.emergency.services import fleet as fleet_services
from sistercity.emergency.services import grants as grant_services
from sistercity.emergency.services import incidents as incident_services
from sistercity.emergency.services import villages as village_services

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _context(request: HttpRequest, partnership: Any, tab: str, **extra: Any) -> dict[str, Any]:
    access = access_for(request.user, partnership)
    return {
        "partnership": partnership,
        "access": access,
        "can_change": access.can(Action.CHANGE, pillar=PILLAR),
        "tab": tab,
        **extra,
    }


@login_required
def index(request: HttpRequest) -> HttpResponse:
    from sistercity.partnerships.selectors import partnership_list

    partnerships = list(partnership_list(user=request.user))
    if len(partnerships) == 1:
        return redirect("emergency:dashboard", slug=partnerships[0].slug)
    return render(request, "emergency/index.html", {"partnerships": partnerships})


@login_required
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    incidents = selectors.incident_list(user=request.user, partnership=partnership)
    context = _context(
        request,
        partnership,
        "dashboard",
        response=stats.response_dashboard(incidents),
        population_pct=stats.population_within_standard(partnership),
        trained=stats.trained_operators(partnership),
        donated=stats.donated_in_service(partnership),
        import_form=forms.IncidentImportForm(),
    )
    return render(request, "emergency/dashboard.html", context)


def _import(request, slug, form_class, service, counted, back: str) -> HttpResponse:
    """An all-or-nothing file import from a page: the refusal (naming rows and columns) or how
    many rows came in, as a message; then back to ``back``."""
    partnership = partnership_for(request, slug)
    count = submit_form(
        request, form_class(request.POST, request.FILES), service, partnership=partnership
    )
    if count is not None:
        messages.success(request, counted(count).format(count=count))
    return redirect(back, slug=slug)


@login_required
@require_POST
def incidents_import(request: HttpRequest, slug: str) -> HttpResponse:
    return _import(
        request,
        slug,
        forms.IncidentImportForm,
        incident_services.incidents_import,
        lambda n: ngettext("{count} incident was imported.", "{count} incidents were imported.", n),
        "emergency:dashboard",
    )


INCIDENT_PAGE = 50


@login_required
def incidents(request: HttpRequest, slug: str) -> HttpResponse:
    """The incidents, newest first, with their response times; the fire service records one
    here (a refusal — times out of order — is shown beside the field)."""
    partnership = partnership_for(request, slug)
    vehicles = selectors.vehicle_list(user=request.user, partnership=partnership)
    form = forms.IncidentForm(request.POST or None, vehicles=vehicles)
    incident = submit_form(
        request,
        form,
        incident_services.incident_record,
        _("The incident was recorded."),
        on_form=True,
        partnership=partnership,
    )
    if incident is not None:
        return redirect("emergency:incident", slug=slug, pk=incident.pk)
    rows = selectors.incident_list(user=request.user, partnership=partnership)
    page = Paginator(rows.order_by("-called_at", "-pk"), INCIDENT_PAGE).get_page(
        request.GET.get("page")
    )
    context = _context(request, partnership, "incidents", form=form, page=page)
    return render(
        request, "emergency/incidents.html", context, status=400 if form.is_bound else 200
    )


@login_required
def incident(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One incident: where and what, its timeline from call to close, the response time
    against the 15-minute standard, the units sent, losses and casualties."""
    partnership = partnership_for(request, slug)
    item = get_object_or_404(
        selectors.incident_list(user=request.user, partnership=partnership).prefetch_related(
            "units__post"
        ),
        pk=pk,
    )
    context = _context(
        request, partnership, "incidents", incident=item, timeline=stats.incident_timeline(item)
    )
    return render(request, "emergency/incident.html", context)


FLEET_FORMS = ("equipment", "site", "inspection")  # the fleet page's forms besides the vehicle's


@login_required
def fleet(request: HttpRequest, slug: str) -> HttpResponse:
    """The vehicles (with the flag for a post without a qualified operator on a shift) and the
    posts with their equipment; the fire service registers a vehicle, adds a post or candidate
    site or an equipment item, and records an item's inspection here (a refusal is shown beside
    the field, with status 400)."""
    partnership = partnership_for(request, slug)
    post_choices = selectors.post_list(user=request.user, partnership=partnership)
    which = request.POST.get("form") if request.method == "POST" else None
    form = forms.VehicleForm(
        request.POST if request.method == "POST" and which not in FLEET_FORMS else None,
        posts=post_choices,
    )
    equipment_form = forms.EquipmentForm(
        request.POST if which == "equipment" else None, posts=post_choices, prefix="equipment"
    )
    site_form = forms.SiteForm(request.POST if which == "site" else None, prefix="site")
    inspected, inspection_form = None, None
    if which == "inspection":
        inspected = _equipment_item(request, partnership)
        inspection_form = forms.InspectionForm(
            request.POST, auto_id=f"id_equipment{inspected.pk}_%s"
        )
    # The form, its service, the success message and what else the service needs.
    others: dict[str, tuple[Any, Callable[..., Any], Any, dict[str, Any]]] = {
        "inspection": (
            inspection_form,
            fleet_services.equipment_inspect,
            _("The inspection was recorded."),
            {"item": inspected},
        ),
        "site": (
            site_form,
            fleet_services.post_add,
            _("The site was added."),
            {"partnership": partnership},
        ),
        "equipment": (
            equipment_form,
            fleet_services.equipment_add,
            _("The equipment was added."),
            {},
        ),
    }
    refused = False
    if which in others:
        bound, service, success, extra = others[which]
        if submit_form(request, bound, service, success, on_form=True, **extra) is not None:
            return redirect("emergency:fleet", slug=slug)
        refused = True
    elif request.method == "POST":
        vehicle = submit_form(
            request,
            form,
            fleet_services.vehicle_register,
            _("The vehicle was registered."),
            on_form=True,
            partnership=partnership,
        )
        if vehicle is not None:
            return redirect("emergency:vehicle", slug=slug, code=vehicle.code)
        refused = True
    vehicles = list(selectors.vehicle_list(user=request.user, partnership=partnership))
    flags = stats.unstaffed_vehicles(vehicles)
    rows = [{"vehicle": v, "unstaffed": flags.get(v.pk, [])} for v in vehicles]
    posts = list(
        selectors.post_list(user=request.user, partnership=partnership).prefetch_related(
            "equipment"
        )
    )
    for post in posts:  # one inspection form per item, with ids of its own
        for equipment in post.equipment.all():
            equipment.inspection_form = (
                inspection_form
                if inspected is not None and equipment.pk == inspected.pk
                else forms.InspectionForm(auto_id=f"id_equipment{equipment.pk}_%s")
            )
    context = _context(
        request,
        partnership,
        "fleet",
        form=form,
        equipment_form=equipment_form,
        site_form=site_form,
        rows=rows,
        posts=posts,
    )
    if which in others:
        context["error_form"] = others[which][0]
    return render(request, "emergency/fleet.html", context, status=400 if refused else 200)


def _equipment_item(request: HttpRequest, partnership: Any) -> EquipmentItem:
    pk = request.POST.get("item", "")
    if not pk.isdigit():
        raise Http404
    return get_object_or_404(
        EquipmentItem.objects.for_user(request.user, Action.VIEW).filter(
            post__partnership=partnership
        ),
        pk=int(pk),
    )


def _vehicle(request: HttpRequest, partnership: Any, code: str):
    return get_object_or_404(
        selectors.vehicle_list(user=request.user, partnership=partnership), code=code
    )


# The vehicle page's small forms: each with ids of its own (their fields share names).
VEHICLE_FORMS: dict[str, tuple[Any, str]] = {
    "status_form": (forms.VehicleStatusForm, "id_status_%s"),
    "maintenance_form": (forms.MaintenanceForm, "id_maintenance_%s"),
    "spare_part_form": (forms.SparePartForm, "id_part_%s"),
}
VEHICLE_ACTIONS: dict[str, tuple[str, Any, Any]] = {
    "status": (
        "status_form",
        fleet_services.vehicle_set_status,
        gettext_lazy("The status was changed."),
    ),
    "maintenance": (
        "maintenance_form",
        fleet_services.maintenance_record,
        gettext_lazy("The maintenance was recorded."),
    ),
    "spare-part": (
        "spare_part_form",
        fleet_services.spare_part_add,
        gettext_lazy("The spare part was added."),
    ),
}


@login_required
def vehicle(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    return _vehicle_page(request, partnership, _vehicle(request, partnership, code))


def _vehicle_page(
    request: HttpRequest,
    partnership: Any,
    item: Any,
    *,
    renewal_form: Any = None,
    details_form: Any = None,
    **refused_forms: Any,
) -> HttpResponse:
    """The vehicle's page; with a refused form (``renewal_form``, ``details_form``,
    ``status_form``, ``maintenance_form`` or ``spare_part_form``), shown again beside its
    fields (status 400)."""
    grant = getattr(item, "grant", None) if item.origin == "donated" else None
    refused = renewal_form or details_form or next(iter(refused_forms.values()), None)
    context = _context(
        request,
        partnership,
        "fleet",
        vehicle=item,
        history=selectors.vehicle_detail_history(item),
        maintenance=item.maintenance.all(),
        spare_parts=item.spare_parts.all(),
        grant=grant,
        **{
            name: refused_forms.get(name) or form_class(auto_id=ids)
            for name, (form_class, ids) in VEHICLE_FORMS.items()
        },
        renewal_form=renewal_form or forms.RegistrationRenewalForm(),
        details_form=details_form
        or forms.VehicleDetailsForm.of(
            item, selectors.post_list(user=request.user, partnership=partnership)
        ),
    )
    if refused is not None:
        context["error_form"] = refused
    if grant is not None:
        statuses = selectors.grant_requirement_statuses(grant)
        context.update(
            steps=selectors.grant_steps(grant),
            statuses=statuses,
            documents=grant.documents.select_related(
                "uploaded_by", "document_type"
            ).prefetch_related("document_type__translations"),
            document_form=forms.GrantDocumentForm(initial={"kind": _first_missing_kind(statuses)}),
            transitions=grant.transitions.select_related(
                "actor", "from_stage", "to_stage"
            ).prefetch_related("from_stage__translations", "to_stage__translations"),
            can_advance=access_for(request.user, partnership).can(Action.ADVANCE),
        )
    return render(
        request, "emergency/vehicle.html", context, status=400 if refused is not None else 200
    )


def _first_missing_kind(statuses) -> str:
    for status in statuses:
        if not status.met and status.requirement.document_type_id:
            return status.requirement.document_type.code
    return ""


@login_required
@require_POST
def vehicle_action(request: HttpRequest, slug: str, code: str, action: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    item = _vehicle(request, partnership, code)
    if action in VEHICLE_ACTIONS:
        # Refused: the page again with the reasons beside the fields (status 400).
        name, service, success = VEHICLE_ACTIONS[action]
        form_class, ids = VEHICLE_FORMS[name]
        small = form_class(request.POST, auto_id=ids)
        if submit_form(request, small, service, success, on_form=True, vehicle=item) is None:
            return _vehicle_page(request, partnership, item, **{name: small})
    elif action in ("registration", "details"):
        # Refused: the page again with the reasons beside the fields (status 400).
        if action == "registration":
            form: Any = forms.RegistrationRenewalForm(request.POST)
            service, success = (
                fleet_services.registration_renew,
                _("The renewed registration was recorded."),
            )
        else:
            form = forms.VehicleDetailsForm(
                request.POST, posts=selectors.post_list(user=request.user, partnership=partnership)
            )
            service, success = (
                fleet_services.vehicle_update,
                _("The vehicle's particulars were saved."),
            )
        if submit_form(request, form, service, success, on_form=True, vehicle=item) is None:
            refused = {"renewal_form" if action == "registration" else "details_form": form}
            return _vehicle_page(request, partnership, item, **refused)
    elif action == "grant-document" and hasattr(item, "grant"):
        submit_form(
            request,
            forms.GrantDocumentForm(request.POST, request.FILES),
            grant_services.grant_attach_document,
            _("The document was attached."),
            grant=item.grant,
        )
    elif action == "grant-start":
        run_service(
            request,
            grant_services.grant_start,
            _("The grant procedure was started."),
            vehicle=item,
        )
    elif action == "grant-advance" and hasattr(item, "grant"):
        run_service(
            request,
            grant_services.grant_advance,
            _("The procedure moved to its next step."),
            grant=item.grant,
            note=request.POST.get("note", ""),
        )
    else:
        raise Http404
    return redirect("emergency:vehicle", slug=slug, code=code)


@login_required
def grant_document(request: HttpRequest, slug: str, pk: int) -> HttpResponseBase:
    partnership = partnership_for(request, slug)
    document = get_object_or_404(
        GrantDocument.objects.for_user(request.user, Action.VIEW).filter(
            grant__vehicle__partnership=partnership
        ),
        pk=pk,
    )
    return file_response(
        document.file, filename=document.original_name, content_type=document.content_type
    )


def _people(request: HttpRequest, partnership: Any):
    return Firefighter.objects.for_user(request.user, Action.VIEW).filter(partnership=partnership)


@login_required
def crews(request: HttpRequest, slug: str) -> HttpResponse:
    """The crew, its qualifications and the training courses; the fire service and the
    secretariats add people and courses here (a refusal is shown beside the field)."""
    partnership = partnership_for(request, slug)
    posts = selectors.post_list(user=request.user, partnership=partnership)
    which = request.POST.get("form") if request.method == "POST" else None
    person_form = forms.FirefighterForm(
        request.POST if which == "person" else None, posts=posts, prefix="person"
    )
    course_form = forms.TrainingCourseForm(
        request.POST if which == "course" else None, prefix="course"
    )
    if which == "person":
        done = submit_form(
            request,
            person_form,
            crew_services.firefighter_add,
            _("The firefighter was added."),
            on_form=True,
            partnership=partnership,
        )
    elif which == "course":
        done = submit_form(
            request,
            course_form,
            crew_services.training_course_create,
            _("The training course was added."),
            on_form=True,
            partnership=partnership,
        )
    else:
        done = None
    if done is not None:
        return redirect("emergency:crews", slug=slug)
    return _crews_page(request, partnership, person_form=person_form, course_form=course_form)


def _crews_page(
    request: HttpRequest,
    partnership: Any,
    *,
    person_form: Any = None,
    course_form: Any = None,
    qualification: tuple[int, Any] | None = None,
    attendance: tuple[int, Any] | None = None,
) -> HttpResponse:
    """The crews tab; a refused form (``qualification`` and ``attendance`` are a person's or
    a course's, by pk) is shown again beside its fields, with status 400."""
    posts = selectors.post_list(user=request.user, partnership=partnership)
    person_form = person_form or forms.FirefighterForm(posts=posts, prefix="person")
    course_form = course_form or forms.TrainingCourseForm(prefix="course")
    people = list(
        _people(request, partnership).select_related("post").prefetch_related("qualifications")
    )
    for person in people:  # one form per person, with ids of its own
        person.qualification_form = (
            qualification[1]
            if qualification and qualification[0] == person.pk
            else forms.QualificationForm(auto_id=_person_ids(person.pk))
        )
    courses = list(
        TrainingCourse.objects.for_user(request.user, Action.VIEW)
        .filter(partnership=partnership)
        .prefetch_related("translations", "attendances__firefighter")
    )
    for course in courses:  # one form per course, with ids of its own
        course.attendance_form = (
            attendance[1]
            if attendance and attendance[0] == course.pk
            else forms.AttendanceForm(
                people=_people(request, partnership), auto_id=_course_ids(course.pk)
            )
        )
    shown = [person_form, course_form, *(x[1] for x in (qualification, attendance) if x)]
    refused = next((f for f in shown if f.is_bound and f.errors), None)
    context = _context(
        request,
        partnership,
        "crews",
        people=people,
        courses=courses,
        person_form=person_form,
        course_form=course_form,
        error_form=refused,
    )
    return render(request, "emergency/crews.html", context, status=400 if refused else 200)


def _person_ids(pk: int) -> str:
    return f"id_person{pk}_%s"


def _course_ids(pk: int) -> str:
    return f"id_course{pk}_%s"


@login_required
@require_POST
def attendance_record(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = partnership_for(request, slug)
    course = get_object_or_404(
        TrainingCourse.objects.for_user(request.user, Action.VIEW).filter(partnership=partnership),
        pk=pk,
    )
    form = forms.AttendanceForm(
        request.POST, people=_people(request, partnership), auto_id=_course_ids(course.pk)
    )
    if submit_form(
        request,
        form,
        crew_services.attendance_record,
        _("The attendance was recorded."),
        on_form=True,
        course=course,
    ):
        return redirect("emergency:crews", slug=slug)
    return _crews_page(request, partnership, attendance=(course.pk, form))


@login_required
def certificate(request: HttpRequest, slug: str, pk: int) -> HttpResponseBase:
    """A passed attendance's certificate (PDF); it carries a name, so only for those who may
    change the pillar's records (fire service, secretariats), not for observers."""
    partnership = partnership_for(request, slug)
    attendance = get_object_or_404(
        Attendance.objects.for_user(request.user, Action.VIEW)
        .filter(course__partnership=partnership, passed=True)
        .select_related("course", "firefighter"),
        pk=pk,
    )
    if not access_for(request.user, partnership).can(Action.CHANGE, pillar=PILLAR):
        raise Http404
    html = render_to_string(
        "emergency/certificate.html",
        {"attendance": attendance, "course": attendance.course, "partnership": partnership},
        request=request,
    )
    return file_response(
        pdf_from_html(html, base_url=request.build_absolute_uri("/")),
        filename=f"certificate-{attendance.pk}.pdf",
        content_type="application/pdf",
    )


@login_required
@require_POST
def qualification_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = partnership_for(request, slug)
    person = get_object_or_404(
        Firefighter.objects.for_user(request.user, Action.VIEW).filter(partnership=partnership),
        pk=pk,
    )
    form = forms.QualificationForm(request.POST, auto_id=_person_ids(person.pk))
    if submit_form(
        request,
        form,
        crew_services.qualification_add,
        _("The qualification was added."),
        on_form=True,
        firefighter=person,
    ):
        return redirect("emergency:crews", slug=slug)
    return _crews_page(request, partnership, qualification=(person.pk, form))


@login_required
def coverage(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    form = forms.ScenarioForm(request.POST or None, initial={"model": "mclp", "posts": 3})
    if request.method == "POST":
        scenario = submit_form(
            request,
            form,
            coverage_services.scenario_run,
            _("The scenario was computed and saved."),
            on_form=True,
            partnership=partnership,
        )
        if scenario is not None:
            return redirect("emergency:scenario", slug=slug, pk=scenario.pk)
    scenarios = selectors.scenario_list(user=request.user, partnership=partnership)
    villages = selectors.village_list(user=request.user, partnership=partnership)
    posts = selectors.post_list(user=request.user, partnership=partnership)
    return render(
        request,
        "emergency/coverage.html",
        _context(
            request,
            partnership,
            "coverage",
            form=form,
            scenarios=scenarios,
            villages=villages,
            posts=posts,
            matrix_form=forms.MatrixImportForm(),
            village_form=forms.VillageImportForm(auto_id="id_villages_%s"),
        ),
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_POST
def matrix_import(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    submit_form(
        request,
        forms.MatrixImportForm(request.POST, request.FILES),
        coverage_services.travel_times_import,
        _("The travel times were imported."),
        partnership=partnership,
    )
    return redirect("emergency:coverage", slug=slug)


@login_required
@require_POST
def villages_import(request: HttpRequest, slug: str) -> HttpResponse:
    return _import(
        request,
        slug,
        forms.VillageImportForm,
        village_services.villages_import,
        lambda n: ngettext("{count} village was imported.", "{count} villages were imported.", n),
        "emergency:coverage",
    )


def _scenario(request: HttpRequest, partnership: Any, pk: int):
    return get_object_or_404(
        selectors.scenario_list(user=request.user, partnership=partnership), pk=pk
    )


@login_required
def scenario(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = partnership_for(request, slug)
    item = _scenario(request, partnership, pk)
    rows = exports.village_rows(item)
    return render(
        request,
        "emergency/scenario.html",
        _context(
            request, partnership, "coverage", scenario=item, map=maps.scenario_map(item), rows=rows
        ),
    )


@login_required
def compare(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    ids = [int(x) for x in request.GET.getlist("s") if x.isdigit()]
    scenarios = list(
        selectors.scenario_list(user=request.user, partnership=partnership).filter(pk__in=ids)
    )
    return render(
        request,
        "emergency/compare.html",
        _context(request, partnership, "coverage", scenarios=scenarios),
    )


@login_required
def scenario_xlsx(request: HttpRequest, slug: str, pk: int) -> HttpResponseBase:
    partnership = partnership_for(request, slug)
    item = _scenario(request, partnership, pk)
    return file_response(
        exports.scenario_workbook(item), filename=f"coverage-{item.pk}.xlsx", content_type=XLSX
    )
