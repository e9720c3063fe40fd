"""The public glossary and its editing pages (platform admin and secretariats)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sistercity.core.views import submit_form
from sistercity.glossary import selectors, services
from sistercity.glossary.forms import TermForm
from sistercity.glossary.models import Term


def term_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    return render(
        request,
        "glossary/list.html",
        {
            "groups": selectors.terms_by_domain(query),
            "query": query,
            "can_edit": services.can_edit_glossary(request.user),
        },
    )


def _edit(request: HttpRequest, term: Term | None) -> HttpResponse:
    if not services.can_edit_glossary(request.user):
        raise PermissionDenied(services.NOT_AN_EDITOR)
    form = TermForm(request.POST or None, instance=term)
    if term is None:
        saved = submit_form(request, form, services.term_create, _("The term was added."))
    else:
        saved = submit_form(
            request, form, services.term_update, _("The term was saved."), term=term
        )
    if saved is not None:
        return redirect(f"{reverse('glossary:list')}#term-{saved.pk}")
    return render(request, "glossary/form.html", {"form": form, "term": term})


@login_required
def term_new(request: HttpRequest) -> HttpResponse:
    return _edit(request, None)


@login_required
def term_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit(request, get_object_or_404(Term, pk=pk))
