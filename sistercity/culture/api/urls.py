from rest_framework.routers import SimpleRouter

from sistercity.culture.api.views import (
    CulturalExchangeViewSet,
    DestinationViewSet,
    EventViewSet,
    RegistrationViewSet,
    VisitorFigureViewSet,
)

router = SimpleRouter()
router.register("culture-events", EventViewSet, basename="culture-event")
router.register("culture-registrations", RegistrationViewSet, basename="culture-registration")
router.register("culture-destinations", DestinationViewSet, basename="culture-destination")
router.register("culture-exchanges", CulturalExchangeViewSet, basename="culture-exchange")
router.register("culture-visitor-figures", VisitorFigureViewSet, basename="culture-visitor-figure")

urlpatterns = router.urls
