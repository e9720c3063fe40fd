from rest_framework.routers import SimpleRouter

from sistercity.exchange.api.views import (
    ApplicationViewSet,
    CallViewSet,
    PlacementViewSet,
    RunViewSet,
)

router = SimpleRouter()
router.register("exchange/calls", CallViewSet, basename="exchange-call")
router.register("exchange/applications", ApplicationViewSet, basename="exchange-application")
router.register("exchange/runs", RunViewSet, basename="exchange-run")
router.register("exchange/placements", PlacementViewSet, basename="exchange-placement")

urlpatterns = router.urls
