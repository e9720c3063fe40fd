from rest_framework.routers import SimpleRouter

from sistercity.investment.api.views import (
    IncentiveViewSet,
    LeadViewSet,
    OpportunityViewSet,
    RealisationViewSet,
    TechProjectViewSet,
)

router = SimpleRouter()
router.register("investment-incentives", IncentiveViewSet, basename="investment-incentive")
router.register("investment-opportunities", OpportunityViewSet, basename="investment-opportunity")
router.register("investment-leads", LeadViewSet, basename="investment-lead")
router.register("investment-realisations", RealisationViewSet, basename="investment-realisation")
router.register("investment-tech-projects", TechProjectViewSet, basename="investment-tech-project")

urlpatterns = router.urls
