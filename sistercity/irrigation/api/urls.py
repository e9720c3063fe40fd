from rest_framework.routers import SimpleRouter

from sistercity.irrigation.api.views import (
    DropViewSet,
    RotationGroupViewSet,
    SchemeViewSet,
    StationViewSet,
)

router = SimpleRouter()
router.register("irrigation-schemes", SchemeViewSet, basename="irrigation-scheme")
router.register("irrigation-groups", RotationGroupViewSet, basename="irrigation-group")
router.register("climate-stations", StationViewSet, basename="climate-station")
router.register("canal-drops", DropViewSet, basename="canal-drop")

urlpatterns = router.urls
