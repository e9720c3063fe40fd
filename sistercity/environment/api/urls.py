from rest_framework.routers import SimpleRouter

from sistercity.environment.api.views import (
    FacilityViewSet,
    FigureViewSet,
    ScenarioViewSet,
    SourceViewSet,
)

router = SimpleRouter()
router.register("waste-scenarios", ScenarioViewSet, basename="waste-scenario")
router.register("waste-figures", FigureViewSet, basename="waste-figure")
router.register("waste-sources", SourceViewSet, basename="waste-source")
router.register("waste-facilities", FacilityViewSet, basename="waste-facility")

urlpatterns = router.urls
