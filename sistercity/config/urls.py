from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("sistercity.api.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("sistercity.portal.urls")),
    path("accounts/", include("sistercity.accounts.urls")),
    path("", include("sistercity.partnerships.urls")),
    path("", include("sistercity.programs.urls")),
    path("", include("sistercity.exchange.urls")),
    path("", include("sistercity.environment.urls")),
    path("", include("sistercity.reports.urls")),
    path("admin/", admin.site.urls),
)
