from rest_framework.routers import SimpleRouter

from sistercity.emergency.api.views import (
    CoverageScenarioViewSet,
    EquipmentItemViewSet,
    FirefighterViewSet,
    FirePostViewSet,
    GrantViewSet,
    IncidentViewSet,
    TrainingCourseViewSet,
    VehicleViewSet,
    VillageViewSet,
)

router = SimpleRouter()
router.register("fire-posts", FirePostViewSet, basename="fire-post")
router.register("fire-vehicles", VehicleViewSet, basename="fire-vehicle")
router.register("firefighters", FirefighterViewSet, basename="firefighter")
router.register("fire-training-courses", TrainingCourseViewSet, basename="fire-training-course")
router.register("fire-equipment", EquipmentItemViewSet, basename="fire-equipment")
router.register("vehicle-grants", GrantViewSet, basename="vehicle-grant")
router.register("coverage-scenarios", CoverageScenarioViewSet, basename="coverage-scenario")
router.register("fire-incidents", IncidentViewSet, basename="fire-incident")
router.register("fire-villages", VillageViewSet, basename="fire-village")

urlpatterns = router.urls
