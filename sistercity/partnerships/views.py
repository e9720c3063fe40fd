"""Thin views: validate with a form, call a service or selector, render."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sistercity.core.access import Action, access_for
from sistercity.core.spreadsheets import csv_bytes
from sistercity.core.views import (
    file_response,
    partnership_for,
    run_service,
    run_service_on_form,
    submit_form,
)
from sistercity.partnerships import selectors, services
from sistercity.partnerships.forms import (
    AdvanceForm,
    ApprovalForm,
    DeadlineForm,
    DocumentTranslationForm,
    DocumentUploadForm,
    HistoryFilterForm,
    PartnershipForm,
    PartnershipTranslationForm,
    SendBackForm,
    VersionForm,
)
from sistercity.partnerships.health import health_of, other_overdue_items, with_health
from sistercity.partnerships.history import csv_rows as history_csv_rows
from sistercity.partnerships.history import kind_choices as history_kinds
from sistercity.partnerships.history import rows as history_rows
from sistercity.partnerships.inbox import tasks_for
from sistercity.partnerships.models import (
    Deadline,
    Document,
    DocumentVersion,
)

HISTORY_PAGE = 50  # entries per page of the History tab


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    partnerships = with_health(selectors.partnership_list(user=request.user))
    rows = [(p, health_of(p)) for p in partnerships]
    context = {"rows": rows, "tasks": tasks_for(request.user)}
    return render(request, "partnerships/dashboard.html", context)


@login_required
def my_tasks(request: HttpRequest) -> HttpResponse:
    """What waits for the person's action, across partnerships and calls."""
    return render(request, "partnerships/tasks.html", {"tasks": tasks_for(request.user)})


@login_required
def partnership_create(request: HttpRequest) -> HttpResponse:
    form = PartnershipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        partnership = run_service(
            request,
            services.partnership_create,
            _("The partnership was created."),
            language=request.LANGUAGE_CODE,
            **form.cleaned_data,
        )
        if partnership is not None:
            return redirect("partnerships:detail", slug=partnership.slug)
    return render(request, "partnerships/partnership_form.html", {"form": form})


def _detail_context(request: HttpRequest, partnership: Any) -> dict[str, Any]:
    access = access_for(request.user, partnership)
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
    return {
        "partnership": partnership,
        "track_rows": track_rows,
        "timeline": selectors.partnership_timeline(partnership),
        "health": health_of(partnership),
        "can_advance": access.can_advance,
        "can_change": access.can_change,
        "can_audit": access.can_audit,
        "tab": "overview",
    }


@login_required
def partnership_detail(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    context = _detail_context(request, partnership)
    return render(request, "partnerships/partnership_detail.html", context)


@login_required
@require_POST
def track_advance(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    transition = submit_form(
        request, AdvanceForm(request.POST), services.track_advance, partnership=partnership
    )
    if transition is not None:
        messages.success(request, _("Moved to “{stage}”.").format(stage=transition.to_stage))
    return redirect("partnerships:detail", slug=slug)


@login_required
@require_POST
def track_send_back(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    transition = submit_form(
        request, SendBackForm(request.POST), services.track_send_back, partnership=partnership
    )
    if transition is not None:
        messages.success(request, _("Sent back to “{stage}”.").format(stage=transition.to_stage))
    return redirect("partnerships:detail", slug=slug)


@login_required
@require_POST
def approval_record(request: HttpRequest, slug: str) -> HttpResponse:
    """Record an approval; a refusal shows the overview again with the reason at the approval's
    field and the typed basis kept."""
    partnership = partnership_for(request, slug)
    posted = str(request.POST.get("requirement", ""))
    form = ApprovalForm(request.POST, auto_id=f"id_approval{posted}_%s")
    done = submit_form(
        request,
        form,
        services.approval_record,
        _("The approval was recorded."),
        on_form=True,
        partnership=partnership,
    )
    if done is not None:
        return redirect("partnerships:detail", slug=slug)
    context = _detail_context(request, partnership)
    context.update(
        approval_form=form,
        error_form=form,
        failed_requirement=int(posted) if posted.isdigit() else None,
    )
    return render(request, "partnerships/partnership_detail.html", context)


@login_required
def document_list(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    access = access_for(request.user, partnership)
    form = DocumentUploadForm(request.POST or None, request.FILES or None)
    document = submit_form(
        request, form, services.document_upload, on_form=True, partnership=partnership
    )
    if document is not None:
        messages.success(request, _("“{title}” was uploaded.").format(title=document))
        return redirect("partnerships:documents", slug=slug)
    documents = selectors.document_list(user=request.user, partnership=partnership)
    return render(
        request,
        "partnerships/document_list.html",
        {
            "partnership": partnership,
            "documents": documents,
            "form": form,
            "can_change": access.can_change,
            "can_audit": access.can_audit,
            "tab": "documents",
        },
    )


@login_required
def document_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = partnership_for(request, slug)
    access = access_for(request.user, partnership)
    document = get_object_or_404(
        selectors.document_list(user=request.user, partnership=partnership), pk=pk
    )
    form = VersionForm(request.POST or None, request.FILES or None)
    added = submit_form(
        request,
        form,
        services.document_add_version,
        _("A new version was added."),
        on_form=True,
        document=document,
    )
    if added is not None:
        return redirect("partnerships:document", slug=slug, pk=pk)
    return render(
        request,
        "partnerships/document_detail.html",
        {
            "partnership": partnership,
            "document": document,
            "form": form,
            "can_change": access.can_change,
            "can_audit": access.can_audit,
            "tab": "documents",
        },
    )


@login_required
def version_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    """Private files leave the server only through this permission-checked view."""
    version = get_object_or_404(
        DocumentVersion.objects.select_related("document"),
        pk=pk,
        document__in=Document.objects.for_user(request.user),
    )
    return file_response(
        version.file, filename=version.original_name, content_type=version.content_type
    )


@login_required
def deadline_list(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    access = access_for(request.user, partnership)
    form = DeadlineForm(request.POST or None)
    added = submit_form(
        request,
        form,
        services.deadline_create,
        _("The deadline was added."),
        on_form=True,
        partnership=partnership,
    )
    if added is not None:
        return redirect("partnerships:deadlines", slug=slug)
    deadlines = partnership.deadlines.select_related("document").prefetch_related(
        "document__translations", "reminders"
    )
    return render(
        request,
        "partnerships/deadline_list.html",
        {
            "partnership": partnership,
            "deadlines": deadlines,
            "other_overdue": other_overdue_items(partnership),
            "today": timezone.localdate(),
            "form": form,
            "can_change": access.can_change,
            "can_audit": access.can_audit,
            "tab": "deadlines",
        },
    )


@login_required
@require_POST
def deadline_complete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = partnership_for(request, slug)
    deadline = get_object_or_404(Deadline, pk=pk, partnership=partnership)
    run_service(request, services.deadline_complete, deadline=deadline)
    return redirect("partnerships:deadlines", slug=slug)


def _history_filtered(request: HttpRequest, partnership: Any) -> tuple[Any, Any]:
    """The filter form of the History tab and the entries it selects (all of them while the
    filters are refused: the reasons are shown at the fields)."""
    people, kinds = selectors.history_choices(partnership)
    form = HistoryFilterForm(request.GET or None, people=people, kinds=history_kinds(kinds))
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = {
            "actor": int(data["who"]) if data["who"] else None,
            "content_type": int(data["kind"]) if data["kind"] else None,
            "since": data["since"],
            "until": data["until"],
        }
    return form, selectors.partnership_history(partnership, **filters)


@login_required
def history(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug, Action.AUDIT)
    form, entries = _history_filtered(request, partnership)
    page = Paginator(entries, HISTORY_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "partnerships/history.html",
        {
            "partnership": partnership,
            "page": page,
            "rows": history_rows(page.object_list),
            "filter_form": form,
            "error_form": form if form.errors else None,
            "query": query.urlencode(),
            "can_audit": True,
            "tab": "history",
        },
    )


@login_required
def history_export(request: HttpRequest, slug: str) -> HttpResponseBase:
    """The History tab as CSV for auditors, with the same filters, through the one CSV writer
    (cells that would run as formulas are neutralised)."""
    partnership = partnership_for(request, slug, Action.AUDIT)
    _form, entries = _history_filtered(request, partnership)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return file_response(
        csv_bytes(history_csv_rows(entries)),
        filename=f"{partnership.slug}-history-{stamp}.csv",
        content_type="text/csv; charset=utf-8",
    )


def _translate(
    request: HttpRequest, *, obj: Any, partnership: Any, form_class: Any, fields: list[str]
) -> tuple[list[tuple], Any] | None:
    """Shared by the partnership and document translation pages: one form per language (its
    inputs' ids carry the language, so each error links to its own input), and the refused
    form, if any. None once a posted translation was saved (the caller redirects). A refused
    translation is shown again in its language's form, the error beside its field."""
    refused = None
    if request.method == "POST":
        posted = request.POST.get("language", "")
        form = form_class(request.POST, auto_id=f"id_{posted}_%s")
        data = form.cleaned_data if form.is_valid() else None
        if data is not None:
            saved = run_service_on_form(
                request,
                form,
                services.content_translate,
                _("The translation was saved."),
                obj=obj,
                partnership=partnership,
                language=data["language"],
                status=data["status"],
                **{field: data[field] for field in fields},
            )
            if saved is not None:
                return None
        refused = form
    rows = {row.language_code: row for row in obj.translations.all()}
    forms_by_language = []
    for code, name in settings.LANGUAGES:
        row = rows.get(code)
        if refused is not None and refused.data.get("language") == code:
            forms_by_language.append((code, name, row, refused))
            continue
        initial = {"language": code, "status": getattr(row, "translation_status", "reviewed")}
        initial |= {field: getattr(row, field, "") for field in fields}
        form = form_class(initial=initial, prefix=None, auto_id=f"id_{code}_%s")
        forms_by_language.append((code, name, row, form))
    return forms_by_language, refused


def _translations_page(
    request: HttpRequest, partnership: Any, obj: Any, result: tuple, fields: list[str], tab: str
) -> HttpResponse:
    forms_by_language, refused = result
    return render(
        request,
        "partnerships/translations.html",
        {
            "partnership": partnership,
            "object": obj,
            "forms": forms_by_language,
            "error_form": refused,
            "translated_fields": fields,
            "can_audit": access_for(request.user, partnership).can_audit,
            "tab": tab,
        },
        status=400 if refused is not None else 200,
    )


@login_required
def partnership_translations(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug, Action.CHANGE)
    fields = ["name", "summary"]
    result = _translate(
        request,
        obj=partnership,
        partnership=partnership,
        form_class=PartnershipTranslationForm,
        fields=fields,
    )
    if result is None:
        return redirect("partnerships:translations", slug=slug)
    return _translations_page(request, partnership, partnership, result, fields, "overview")


@login_required
def document_translations(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = partnership_for(request, slug, Action.CHANGE)
    document = get_object_or_404(Document.objects.filter(partnership=partnership), pk=pk)
    result = _translate(
        request,
        obj=document,
        partnership=partnership,
        form_class=DocumentTranslationForm,
        fields=["title"],
    )
    if result is None:
        return redirect("partnerships:document_translations", slug=slug, pk=pk)
    return _translations_page(request, partnership, document, result, ["title"], "documents")
