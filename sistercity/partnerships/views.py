"""Thin views: validate with a form, call a service or selector, render."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sistercity.core.errors import SisterCityError
from sistercity.core.permissions import Action, get_for_user_or_404
from sistercity.partnerships import selectors, services
from sistercity.partnerships.forms import (
    AdvanceForm,
    ApprovalForm,
    DeadlineForm,
    DocumentTranslationForm,
    DocumentUploadForm,
    PartnershipForm,
    PartnershipTranslationForm,
    SendBackForm,
    VersionForm,
)
from sistercity.partnerships.health import health_of, with_health
from sistercity.partnerships.models import (
    Deadline,
    Document,
    DocumentVersion,
    Partnership,
    StageRequirement,
)


def _partnership(request, slug, action=Action.VIEW):
    return get_for_user_or_404(Partnership.objects, request.user, action, slug=slug)


def _can(user, partnership, action) -> bool:
    return Partnership.objects.for_user(user, action).filter(pk=partnership.pk).exists()


def _form_errors(request, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


@login_required
def dashboard(request):
    partnerships = with_health(selectors.partnership_list(user=request.user))
    rows = [(p, health_of(p)) for p in partnerships]
    return render(request, "partnerships/dashboard.html", {"rows": rows})


@login_required
def partnership_create(request):
    form = PartnershipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            partnership = services.partnership_create(
                actor=request.user, language=request.LANGUAGE_CODE, **data
            )
        except SisterCityError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The partnership was created."))
            return redirect("partnerships:detail", slug=partnership.slug)
    return render(request, "partnerships/partnership_form.html", {"form": form})


@login_required
def partnership_detail(request, slug):
    partnership = _partnership(request, slug)
    tracks = list(
        partnership.tracks.select_related("track", "current_stage").prefetch_related(
            "track__translations", "current_stage__translations"
        )
    )
    stages = selectors.track_stages([t.track_id for t in tracks])
    track_rows = [
        {
            "track": t,
            "stages": stages.get(t.track_id, []),
            "requirements": selectors.requirement_statuses(t),
        }
        for t in tracks
    ]
    context = {
        "partnership": partnership,
        "track_rows": track_rows,
        "timeline": selectors.partnership_timeline(partnership),
        "health": health_of(partnership),
        "can_advance": _can(request.user, partnership, Action.ADVANCE),
        "can_change": _can(request.user, partnership, Action.CHANGE),
        "can_audit": _can(request.user, partnership, Action.AUDIT),
        "tab": "overview",
    }
    return render(request, "partnerships/partnership_detail.html", context)


@login_required
@require_POST
def track_advance(request, slug):
    partnership = _partnership(request, slug)
    form = AdvanceForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("partnerships:detail", slug=slug)
    try:
        transition = services.track_advance(
            actor=request.user, partnership=partnership, **form.cleaned_data
        )
    except SisterCityError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Moved to “{stage}”.").format(stage=transition.to_stage))
    return redirect("partnerships:detail", slug=slug)


@login_required
@require_POST
def track_send_back(request, slug):
    partnership = _partnership(request, slug)
    form = SendBackForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("partnerships:detail", slug=slug)
    try:
        transition = services.track_send_back(
            actor=request.user, partnership=partnership, **form.cleaned_data
        )
    except SisterCityError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Sent back to “{stage}”.").format(stage=transition.to_stage))
    return redirect("partnerships:detail", slug=slug)


@login_required
@require_POST
def approval_record(request, slug):
    partnership = _partnership(request, slug)
    form = ApprovalForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("partnerships:detail", slug=slug)
    requirement = get_object_or_404(StageRequirement, pk=form.cleaned_data["requirement"])
    try:
        services.approval_record(
            actor=request.user,
            partnership=partnership,
            requirement=requirement,
            note=form.cleaned_data["note"],
        )
    except SisterCityError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The approval was recorded."))
    return redirect("partnerships:detail", slug=slug)


@login_required
def document_list(request, slug):
    partnership = _partnership(request, slug)
    can_change = _can(request.user, partnership, Action.CHANGE)
    form = DocumentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                document = services.document_upload(
                    actor=request.user, partnership=partnership, **form.cleaned_data
                )
            except SisterCityError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("“{title}” was uploaded.").format(title=document))
                return redirect("partnerships:documents", slug=slug)
        else:
            _form_errors(request, form)
    documents = selectors.document_list(user=request.user, partnership=partnership)
    return render(
        request,
        "partnerships/document_list.html",
        {
            "partnership": partnership,
            "documents": documents,
            "form": form,
            "can_change": can_change,
            "can_audit": _can(request.user, partnership, Action.AUDIT),
            "tab": "documents",
        },
    )


@login_required
def document_detail(request, slug, pk):
    partnership = _partnership(request, slug)
    document = get_object_or_404(
        selectors.document_list(user=request.user, partnership=partnership), pk=pk
    )
    form = VersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.document_add_version(
                    actor=request.user, document=document, file=form.cleaned_data["file"]
                )
            except SisterCityError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("A new version was added."))
                return redirect("partnerships:document", slug=slug, pk=pk)
        else:
            _form_errors(request, form)
    return render(
        request,
        "partnerships/document_detail.html",
        {
            "partnership": partnership,
            "document": document,
            "form": form,
            "can_change": _can(request.user, partnership, Action.CHANGE),
            "can_audit": _can(request.user, partnership, Action.AUDIT),
            "tab": "documents",
        },
    )


@login_required
def version_download(request, pk):
    """Private files leave the server only through this permission-checked view."""
    version = get_object_or_404(
        DocumentVersion.objects.select_related("document"),
        pk=pk,
        document__in=Document.objects.for_user(request.user),
    )
    try:
        handle = version.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=version.original_name,
        content_type=version.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def deadline_list(request, slug):
    partnership = _partnership(request, slug)
    form = DeadlineForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.deadline_create(
                    actor=request.user, partnership=partnership, **form.cleaned_data
                )
            except SisterCityError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("The deadline was added."))
                return redirect("partnerships:deadlines", slug=slug)
        else:
            _form_errors(request, form)
    deadlines = partnership.deadlines.select_related("document").prefetch_related(
        "document__translations", "reminders"
    )
    return render(
        request,
        "partnerships/deadline_list.html",
        {
            "partnership": partnership,
            "deadlines": deadlines,
            "form": form,
            "can_change": _can(request.user, partnership, Action.CHANGE),
            "can_audit": _can(request.user, partnership, Action.AUDIT),
            "tab": "deadlines",
        },
    )


@login_required
@require_POST
def deadline_complete(request, slug, pk):
    partnership = _partnership(request, slug)
    deadline = get_object_or_404(Deadline, pk=pk, partnership=partnership)
    try:
        services.deadline_complete(actor=request.user, deadline=deadline)
    except SisterCityError as error:
        messages.error(request, str(error))
    return redirect("partnerships:deadlines", slug=slug)


@login_required
def history(request, slug):
    partnership = _partnership(request, slug, Action.AUDIT)
    entries = selectors.partnership_history(partnership)[:500]
    return render(
        request,
        "partnerships/history.html",
        {"partnership": partnership, "entries": entries, "can_audit": True, "tab": "history"},
    )


def _translate(request, *, obj, partnership, form_class, fields, redirect_to):
    """Shared by the partnership and document translation pages: one form per language."""
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.content_translate(
                    actor=request.user,
                    obj=obj,
                    partnership=partnership,
                    language=data["language"],
                    status=data["status"],
                    **{field: data[field] for field in fields},
                )
            except SisterCityError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("The translation was saved."))
                return redirect_to
        else:
            _form_errors(request, form)
    rows = {row.language_code: row for row in obj.translations.all()}
    forms_by_language = []
    for code, name in settings.LANGUAGES:
        row = rows.get(code)
        initial = {"language": code, "status": getattr(row, "translation_status", "reviewed")}
        initial |= {field: getattr(row, field, "") for field in fields}
        forms_by_language.append((code, name, row, form_class(initial=initial, prefix=None)))
    return forms_by_language


@login_required
def partnership_translations(request, slug):
    partnership = _partnership(request, slug, Action.CHANGE)
    result = _translate(
        request,
        obj=partnership,
        partnership=partnership,
        form_class=PartnershipTranslationForm,
        fields=["name", "summary"],
        redirect_to=redirect("partnerships:translations", slug=slug),
    )
    if not isinstance(result, list):
        return result
    return render(
        request,
        "partnerships/translations.html",
        {
            "partnership": partnership,
            "object": partnership,
            "forms": result,
            "can_audit": _can(request.user, partnership, Action.AUDIT),
            "tab": "overview",
        },
    )


@login_required
def document_translations(request, slug, pk):
    partnership = _partnership(request, slug, Action.CHANGE)
    document = get_object_or_404(Document.objects.filter(partnership=partnership), pk=pk)
    result = _translate(
        request,
        obj=document,
        partnership=partnership,
        form_class=DocumentTranslationForm,
        fields=["title"],
        redirect_to=redirect("partnerships:document_translations", slug=slug, pk=pk),
    )
    if not isinstance(result, list):
        return result
    return render(
        request,
        "partnerships/translations.html",
        {
            "partnership": partnership,
            "object": document,
            "forms": result,
            "can_audit": _can(request.user, partnership, Action.AUDIT),
            "tab": "documents",
        },
    )
