"""Public pages: anyone can read them, in three languages."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from sistercity.accounts.choices import MUNICIPAL_KINDS
from sistercity.accounts.models import Organisation
from sistercity.core.public_cache import public_page
from sistercity.core.registry import registry, render_panels
from sistercity.partnerships import selectors

#: Partnerships on one page of the home page: a national registry holds hundreds.
HOME_PAGE_SIZE = 24


@public_page
def home(request):
    partnerships = selectors.public_partnership_list()
    page = Paginator(partnerships, HOME_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portal/home.html", {"page": page, "partnerships": page.object_list})


@public_page
def partnership_public(request, slug):
    partnership = get_object_or_404(selectors.public_partnership_list(), slug=slug)
    tracks = list(partnership.tracks.all())
    stages = selectors.track_stages([t.track_id for t in tracks])
    return render(
        request,
        "portal/partnership_public.html",
        {
            "partnership": partnership,
            "track_rows": [{"track": t, "stages": stages.get(t.track_id, [])} for t in tracks],
            "timeline": selectors.partnership_timeline(partnership),
            # What the sector apps show the public (upcoming events, waste figures…).
            "sections": render_panels(registry.public_sections(), request, partnership),
        },
    )


@public_page
def municipality_list(request):
    municipalities = Organisation.objects.filter(kind__in=MUNICIPAL_KINDS).prefetch_related(
        "translations", "strengths__translations", "needs__translations"
    )
    return render(request, "portal/municipality_list.html", {"municipalities": municipalities})


@public_page
def municipality_detail(request, slug):
    municipality: Organisation = get_object_or_404(
        Organisation.objects.filter(kind__in=MUNICIPAL_KINDS).prefetch_related(
            "translations", "strengths__translations", "needs__translations"
        ),
        slug=slug,
    )
    partnerships = selectors.public_partnership_list().filter(municipalities=municipality)
    return render(
        request,
        "portal/municipality_detail.html",
        {"municipality": municipality, "partnerships": partnerships},
    )


def search(request):
    query = request.GET.get("q", "")
    results = selectors.search(user=request.user, query=query)
    template = "portal/_search_results.html" if request.htmx else "portal/search.html"
    return render(request, template, {"query": query, **results})
