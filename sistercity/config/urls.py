from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from sistercity.core.health import health
from sistercity.culture.views.public import robots_txt
from sistercity.programs import urls as programs_urls
from sistercity.reports import urls as reports_urls

# The exports tab and the XLSX upload are reports' pages (they start jobs) with the names they
# have always had in the programmes' namespace; programs itself knows no reports.
programme_pages: list[URLPattern | URLResolver] = [
    *programs_urls.urlpatterns,  # type: ignore[list-item]  # an unannotated mixed list
    *reports_urls.programs_urlpatterns,
]

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("sistercity.api.urls")),
    # For the load balancer (docs/deploy.md): 200 when the database and the cache answer.
    path("health/", health, name="health"),
    # Search engines read it at the root: open public pages, closed organiser pages and cancel
    # links, and the sitemaps named.
    path("robots.txt", robots_txt, name="robots_txt"),
]

urlpatterns += i18n_patterns(
    path("", include("sistercity.portal.urls")),
    path("accounts/", include("sistercity.accounts.urls")),
    path("", include("sistercity.partnerships.urls")),
    path("", include((programme_pages, programs_urls.app_name))),
    path("", include("sistercity.exchange.urls")),
    path("", include("sistercity.environment.urls")),
    path("", include("sistercity.trade.urls")),
    path("", include("sistercity.investment.urls")),
    path("", include("sistercity.emergency.urls")),
    path("", include("sistercity.irrigation.urls")),
    path("", include("sistercity.culture.urls")),
    path("", include("sistercity.reports.urls")),
    path("", include("sistercity.glossary.urls")),
    path("admin/", admin.site.urls),
)
