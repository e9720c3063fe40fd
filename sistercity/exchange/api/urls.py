from rest_framework.routers import SimpleRouter

from sistercity.exchange.api.views import (
    ApplicationViewSet,
    CallViewSet,
    HostViewSet,
    PlacementViewSet,
    RunViewSet,
)

router = SimpleRouter()
router.register("exchange/calls", CallViewSet, basename="exchange-call")
router.register("exchange/applications", ApplicationViewSet, basename="exchange-application")
router.register("exchange/runs", RunViewSet, basename="exchange-run")
router.register("exchange/placements", PlacementViewSet, basename="exchange-placement")
router.register("exchange/hosts", HostViewSet, basename="exchange-host")

urlpatterns = router.urls
