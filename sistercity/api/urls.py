from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from sistercity.accounts.api.views import MunicipalityViewSet
from sistercity.accounts.api_auth import ApiTokenViewSet, logout_all_view, logout_view, token_view
from sistercity.partnerships.api.views import DocumentViewSet, PartnershipViewSet

app_name = "api"

router = DefaultRouter()
router.register("partnerships", PartnershipViewSet, basename="partnership")
router.register("documents", DocumentViewSet, basename="document")
router.register("municipalities", MunicipalityViewSet, basename="municipality")
router.register("auth/tokens", ApiTokenViewSet, basename="api-token")

urlpatterns = [
    path("", include(router.urls)),
    path("", include("sistercity.programs.api.urls")),
    path("", include("sistercity.reports.api.urls")),
    path("", include("sistercity.exchange.api.urls")),
    path("", include("sistercity.environment.api.urls")),
    path("", include("sistercity.trade.api.urls")),
    path("", include("sistercity.investment.api.urls")),
    path("", include("sistercity.emergency.api.urls")),
    path("", include("sistercity.irrigation.api.urls")),
    path("", include("sistercity.culture.api.urls")),
    path("auth/token/", token_view, name="token"),
    path("auth/logout/", logout_view, name="logout"),
    path("auth/logout-all/", logout_all_view, name="logout-all"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
]
