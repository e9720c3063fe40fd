"""What Batang offers, as its pipeline people keep it: plots and factories, incentives (with
legal source and validity), sectors sought and projects open to partners."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy

from sistercity.core.views import partnership_for
from sistercity.investment import forms, selectors, services
from sistercity.investment.models import PartnerProject
from sistercity.investment.views.common import PageForm, forms_context, handle_post, tabs_context

OFFER_FORMS = {
    "opportunity": PageForm(
        forms.OpportunityForm,
        services.opportunity_create,
        gettext_lazy("The opportunity was added."),
        scoped=True,
    ),
}


@login_required
def opportunity_list(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    context = tabs_context(request, partnership, "opportunities")
    if request.method == "POST":
        done = handle_post(
            request,
            partnership,
            OFFER_FORMS,
            partnership=partnership,
            language=request.LANGUAGE_CODE,
        )
        if done:
            return redirect("investment:opportunities", slug=slug)
    return render(
        request,
        "investment/opportunities.html",
        {
            **context,
            "today": timezone.localdate(),
            "opportunities": selectors.opportunities(user=request.user, partnership=partnership),
            "incentives": selectors.incentives(user=request.user, partnership=partnership),
            "sectors": selectors.target_sectors(user=request.user, partnership=partnership),
            "projects": PartnerProject.objects.for_user(request.user)
            .filter(partnership=partnership)
            .prefetch_related("translations"),
            **forms_context(request, partnership, OFFER_FORMS, context["can_edit"]),
        },
    )
