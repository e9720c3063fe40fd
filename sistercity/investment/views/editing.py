"""The pages that add or change one row of what Batang offers (an incentive, a sector sought, a
project open to partners) or a technology-transfer project: one form, handed to the create or
the update service; a refusal stays on the form, beside the field it concerns."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sistercity.core.views import partnership_for, submit_form
from sistercity.investment import forms, services
from sistercity.investment.models import (
    Incentive,
    Opportunity,
    PartnerProject,
    TargetSector,
    TechTransferProject,
)
from sistercity.investment.services.common import CHANGE_REFUSED
from sistercity.investment.views.common import tabs_context


@dataclass(frozen=True)
class EditPage:
    """What a page needs to add (``create``) or change (``update``, the row as ``row_name``)
    one kind of row."""

    form: type
    model: type[models.Model]
    create: Callable[..., Any]
    update: Callable[..., Any]
    row_name: str
    title_new: Any
    title_edit: Any
    created: Any
    updated: Any
    tab: str
    texts: tuple[str, ...]
    back: Callable[[str, Any], Any]  # (slug, the row saved) -> where to go next


def _to_offers(slug: str, row: Any) -> Any:
    return redirect("investment:opportunities", slug=slug)


def _to_project(slug: str, row: Any) -> Any:
    return redirect("investment:tech_project", slug=slug, code=row.code)


INCENTIVE = EditPage(
    forms.IncentiveForm,
    Incentive,
    services.incentive_create,
    services.incentive_update,
    "incentive",
    _("New incentive"),
    _("Change the incentive"),
    _("The incentive was added."),
    _("The incentive was saved."),
    "opportunities",
    ("name", "summary", "source_note"),
    _to_offers,
)
OPPORTUNITY = EditPage(
    forms.OpportunityForm,
    Opportunity,
    services.opportunity_create,
    services.opportunity_update,
    "opportunity",
    _("New opportunity"),
    _("Change the opportunity"),
    _("The opportunity was added."),
    _("The opportunity was saved."),
    "opportunities",
    ("name", "description"),
    _to_offers,
)
SECTOR = EditPage(
    forms.SectorForm,
    TargetSector,
    services.sector_create,
    services.sector_update,
    "sector",
    _("New sector sought"),
    _("Change the sector sought"),
    _("The sector was added."),
    _("The sector was saved."),
    "opportunities",
    ("name",),
    _to_offers,
)
PROJECT = EditPage(
    forms.PartnerProjectForm,
    PartnerProject,
    services.project_create,
    services.project_update,
    "project",
    _("New project open to partners"),
    _("Change the project open to partners"),
    _("The project was added."),
    _("The project was saved."),
    "opportunities",
    ("name", "description"),
    _to_offers,
)
TECH_PROJECT = EditPage(
    forms.TechProjectForm,
    TechTransferProject,
    services.techproject_create,
    services.techproject_update,
    "project",
    _("New technology-transfer project"),
    _("Change the technology-transfer project"),
    _("The technology-transfer project was added."),
    _("The technology-transfer project was saved."),
    "tech",
    ("title", "technology", "objectives", "equipment", "outcomes"),
    _to_project,
)


def initial_for(row: Any, form: Any, texts: tuple[str, ...], language: str) -> dict[str, Any]:
    """The form's fields as the row holds them: links by id, texts in ``language`` (or, when
    the row has no text in it yet, in the language it was written in)."""
    initial: dict[str, Any] = {}
    for name in form.fields:
        if name in texts:
            initial[name] = row.safe_translation_getter(
                name, language_code=language, any_language=True
            )
            continue
        field = row._meta.get_field(name)
        if field.many_to_many:
            initial[name] = [related.pk for related in getattr(row, name).all()]
        elif field.is_relation:
            initial[name] = getattr(row, field.attname)
        else:
            initial[name] = getattr(row, name)
    return initial


def edit_page(request: HttpRequest, slug: str, page: EditPage, code: str | None) -> HttpResponse:
    partnership = partnership_for(request, slug)
    context = tabs_context(request, partnership, page.tab)
    if not context["can_edit"]:
        raise PermissionDenied(CHANGE_REFUSED)
    language = get_language() or "id"
    row = None
    options: dict[str, Any] = {"partnership": partnership, "user": request.user}
    if code is not None:
        rows = page.model.objects.for_user(request.user).filter(  # type: ignore[attr-defined]
            partnership=partnership
        )
        row = get_object_or_404(rows, code=code)
        options["editing"] = True
        options["initial"] = initial_for(row, page.form(**options), page.texts, language)
    form = page.form(request.POST or None, **options)
    if request.method == "POST":
        if row is None:
            done = submit_form(
                request,
                form,
                page.create,
                page.created,
                on_form=True,
                partnership=partnership,
                language=language,
            )
        else:
            done = submit_form(
                request,
                form,
                page.update,
                page.updated,
                on_form=True,
                language=language,
                **{page.row_name: row},
            )
        if done:
            return page.back(slug, done)
    untranslated = row is not None and not row.has_translation(language)
    return render(
        request,
        "investment/edit.html",
        {
            **context,
            "form": form,
            "row": row,
            "title": page.title_new if row is None else page.title_edit,
            "untranslated": untranslated,
        },
    )


def _page(page: EditPage) -> tuple[Callable[..., HttpResponse], Callable[..., HttpResponse]]:
    @login_required
    def new(request: HttpRequest, slug: str) -> HttpResponse:
        return edit_page(request, slug, page, None)

    @login_required
    def edit(request: HttpRequest, slug: str, code: str) -> HttpResponse:
        return edit_page(request, slug, page, code)

    return new, edit


incentive_new, incentive_edit = _page(INCENTIVE)
opportunity_new, opportunity_edit = _page(OPPORTUNITY)
sector_new, sector_edit = _page(SECTOR)
project_new, project_edit = _page(PROJECT)
tech_new, tech_edit = _page(TECH_PROJECT)

__all__ = [
    "incentive_edit",
    "incentive_new",
    "opportunity_edit",
    "opportunity_new",
    "project_edit",
    "project_new",
    "sector_edit",
    "sector_new",
    "tech_edit",
    "tech_new",
]
