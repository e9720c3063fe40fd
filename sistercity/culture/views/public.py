"""Public pages: events (with registration), the self-service cancel page, destinations and
the sitemap. Anyone may read them, in three languages."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from sistercity.core.errors import SisterCityError
from sistercity.core.spam import client_address
from sistercity.core.views import file_response, refuse_on_form
from sistercity.culture import selectors, services, structured
from sistercity.culture.choices import RegistrationStatus
from sistercity.culture.forms import RegistrationForm
from sistercity.culture.views._common import alternates, public_event, public_partnership, webcal
from sistercity.partnerships.selectors import public_partnership_list


def index(request: HttpRequest) -> HttpResponse:
    """Upcoming events of every public partnership, and the feed of them all."""
    events = selectors.with_counts(selectors.upcoming(selectors.public_events()))
    return render(
        request,
        "culture/index.html",
        {
            "events": events,
            "partnerships": public_partnership_list(),
            "all_feed": reverse("culture:all_ics"),
            "all_webcal": webcal(request, reverse("culture:all_ics")),
            "alternates": alternates(request),
        },
    )


def _feeds(request: HttpRequest, partnership: Any) -> list[dict[str, Any]]:
    """The partnership's feeds (everything, per city, per pillar) with subscribe links."""
    feeds = [
        {
            "label": _("All events"),
            "path": reverse("culture:partnership_ics", args=[partnership.slug]),
        }
    ]
    for city in partnership.municipalities.all():
        feeds.append(
            {
                "label": city.safe_translation_getter("name", any_language=True),
                "path": reverse("culture:city_ics", args=[partnership.slug, city.slug]),
            }
        )
    for pillar in partnership.pillars.filter(code="culture"):
        feeds.append(
            {
                "label": pillar.safe_translation_getter("name", any_language=True),
                "path": reverse("culture:pillar_ics", args=[partnership.slug, pillar.code]),
            }
        )
    for feed in feeds:
        feed["webcal"] = webcal(request, feed["path"])
    return feeds


def events(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = public_partnership(slug)
    rows = selectors.with_counts(selectors.partnership_events(partnership))
    now = timezone.now()
    return render(
        request,
        "culture/events.html",
        {
            "partnership": partnership,
            "upcoming": [e for e in rows if e.ends_at >= now],
            "past": [e for e in rows if e.ends_at < now][::-1],
            "feeds": _feeds(request, partnership),
            "alternates": alternates(request),
        },
    )


def _register(request: HttpRequest, event: Any, form: RegistrationForm) -> HttpResponse | None:
    """Register; None when refused (the reasons stay on ``form``, beside their fields)."""
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        registration = services.registration_submit(
            event=event,
            full_name=data["full_name"],
            email=data["email"],
            people=data["people"],
            language=data["language"],
            honeypot=data["website"],
            client=client_address(request),
        )
    except SisterCityError as error:
        refuse_on_form(form, error)
        return None
    if registration.status == RegistrationStatus.CONFIRMED:
        messages.success(
            request, _("You are registered. We have sent a confirmation to your e-mail address.")
        )
    else:
        messages.warning(
            request,
            _(
                "The event is full: you are on the waitlist. We will e-mail you if a place "
                "becomes free."
            ),
        )
    return redirect("culture:event", slug=event.partnership.slug, event=event.slug)


@require_http_methods(["GET", "POST"])
def event_detail(request: HttpRequest, slug: str, event: str) -> HttpResponse:
    row = get_object_or_404(
        selectors.with_counts(selectors.public_events()), partnership__slug=slug, slug=event
    )
    language = get_language() or "id"
    form = RegistrationForm(request.POST or None, language=language)
    if request.method == "POST":
        done = _register(request, row, form)
        if done is not None:
            return done
    url = request.build_absolute_uri(reverse("culture:event", args=[slug, row.slug]))
    images = [
        request.build_absolute_uri(reverse("culture:event_image", args=[slug, row.slug, i.pk]))
        for i in row.images.all()
    ]
    free = None if row.capacity is None else max(row.capacity - (row.taken or 0), 0)
    ics = reverse("culture:event_ics", args=[slug, row.slug])
    return render(
        request,
        "culture/event_detail.html",
        {
            "partnership": row.partnership,
            "event": row,
            "form": form,
            "free": free,
            "open": row.status == "scheduled"
            and row.registration_open
            and row.starts_at > timezone.now(),
            "jsonld": structured.as_script_text(
                structured.event_jsonld(row, url=url, image_urls=images, language=language)
            ),
            "page_url": url,
            "image_urls": images,
            "ics": ics,
            "ics_webcal": webcal(request, ics),
            "alternates": alternates(request),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


def event_image(request: HttpRequest, slug: str, event: str, pk: int) -> Any:
    row = public_event(slug, event)
    return _image(get_object_or_404(row.images.all(), pk=pk))


def destination_photo(request: HttpRequest, slug: str, destination: str, pk: int) -> Any:
    partnership = public_partnership(slug)
    row = get_object_or_404(selectors.public_destinations(partnership), slug=destination)
    return _image(get_object_or_404(row.photos.all(), pk=pk))


def _image(image: Any) -> Any:
    """A public photo, shown in the page (not downloaded)."""
    return file_response(
        image.image,
        filename=(image.image.name or "image").rsplit("/", 1)[-1],
        content_type=image.content_type,
        as_attachment=False,
        private=False,
    )


@require_http_methods(["GET", "POST"])
def registration_cancel(request: HttpRequest, token: str) -> HttpResponse:
    """The page the e-mailed link opens: it asks before cancelling (a link preview or a mail
    scanner that follows the link must not cancel anything)."""
    registration = services.registration_for_token(token)
    if request.method == "POST":
        try:
            services.registration_cancel(token=token)
        except SisterCityError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Your registration is cancelled. Thank you for telling us.")
            )
        registration.refresh_from_db()
    return render(
        request,
        "culture/registration_cancel.html",
        {"registration": registration, "event": registration.event},
    )


def _map_points(slug: str, rows: list[Any]) -> list[dict[str, Any]]:
    """One map per city, each with its destinations' points (for map.js)."""
    maps: dict[int, dict[str, Any]] = {}
    for row in rows:
        city = maps.setdefault(
            row.city_id,
            {"city": row.city, "id": f"points-{row.city.slug}", "points": []},
        )
        city["points"].append(
            {
                "slug": row.slug,
                "name": str(row),
                "lat": float(row.latitude),
                "lon": float(row.longitude),
                "url": reverse("culture:destination", args=[slug, row.slug]),
            }
        )
    return list(maps.values())


def destinations(request: HttpRequest, slug: str) -> HttpResponse:
    """The list (works without JavaScript) and a map of each city's destinations."""
    from django.conf import settings

    partnership = public_partnership(slug)
    rows = list(selectors.public_destinations(partnership))
    return render(
        request,
        "culture/destinations.html",
        {
            "partnership": partnership,
            "destinations": rows,
            "maps": _map_points(slug, rows),
            "tile_url": settings.CULTURE_MAP_TILE_URL,
            "tile_attribution": getattr(settings, "CULTURE_MAP_TILE_ATTRIBUTION", ""),
            "alternates": alternates(request),
        },
    )


def destination_detail(request: HttpRequest, slug: str, destination: str) -> HttpResponse:
    partnership = public_partnership(slug)
    row = get_object_or_404(selectors.public_destinations(partnership), slug=destination)
    url = request.build_absolute_uri(reverse("culture:destination", args=[slug, row.slug]))
    photos = [
        (
            photo,
            request.build_absolute_uri(
                reverse("culture:destination_photo", args=[slug, row.slug, photo.pk])
            ),
        )
        for photo in row.photos.all()
    ]
    data = structured.destination_jsonld(row, url=url, photos=photos)
    return render(
        request,
        "culture/destination_detail.html",
        {
            "partnership": partnership,
            "destination": row,
            "photos": photos,
            "jsonld": structured.as_script_text(data),
            "page_url": url,
            "alternates": alternates(request),
        },
    )


def visitors(request: HttpRequest, slug: str) -> HttpResponse:
    """Visitor figures by month, city and origin, with their sources."""
    from sistercity.culture.charts import visitor_series

    partnership = public_partnership(slug)
    return render(
        request,
        "culture/visitors.html",
        {
            "partnership": partnership,
            "chart": visitor_series(selectors.visitor_figures(partnership)),
            "alternates": alternates(request),
        },
    )


def exchanges(request: HttpRequest, slug: str) -> HttpResponse:
    """Delegations and troupes that travelled between the cities, with their events."""
    partnership = public_partnership(slug)
    return render(
        request,
        "culture/exchanges.html",
        {
            "partnership": partnership,
            "exchanges": selectors.public_exchanges(partnership),
            "alternates": alternates(request),
        },
    )


def sitemap(request: HttpRequest) -> HttpResponse:
    """Every public event and destination page, with its other languages (``hreflang``)."""
    from django.conf import settings
    from django.urls import translate_url

    pages = [reverse("culture:index")]
    for partnership in public_partnership_list():
        pages.append(reverse("culture:events", args=[partnership.slug]))
        pages.append(reverse("culture:destinations", args=[partnership.slug]))
    pages += [
        reverse("culture:event", args=[e.partnership.slug, e.slug])
        for e in selectors.public_events()
    ]
    pages += [
        reverse("culture:destination", args=[d.partnership.slug, d.slug])
        for d in selectors.Destination.objects.filter(partnership__is_public=True).select_related(
            "partnership"
        )
    ]
    urls = []
    for path in pages:
        absolute = request.build_absolute_uri(path)
        urls.append(
            {
                "loc": absolute,
                "alternates": [
                    {"code": code, "url": translate_url(absolute, code)}
                    for code, _name in settings.LANGUAGES
                ],
            }
        )
    return render(request, "culture/sitemap.xml", {"urls": urls}, content_type="application/xml")


def robots_txt(request: HttpRequest) -> HttpResponse:
    """robots.txt for the site root (the project's URLs mount it at ``/robots.txt``): the
    public culture pages are open to crawlers, the organisers' pages and cancel links are
    not, and the sitemap of each language is named."""
    from django.conf import settings
    from django.utils import translation

    lines = ["User-agent: *", "Allow: /"]
    sitemaps = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            lines.append("Disallow: " + reverse("culture:index") + "*/manage/")
            lines.append("Disallow: " + reverse("culture:index") + "registrations/")
            sitemaps.append("Sitemap: " + request.build_absolute_uri(reverse("culture:sitemap")))
    return HttpResponse("\n".join([*lines, *sitemaps]) + "\n", content_type="text/plain")
