from rest_framework.routers import SimpleRouter

from sistercity.trade.api.views import (
    EnterpriseViewSet,
    InquiryViewSet,
    LeadViewSet,
    PermitViewSet,
    ProductViewSet,
)

router = SimpleRouter()
router.register("msme-enterprises", EnterpriseViewSet, basename="msme-enterprise")
router.register("msme-products", ProductViewSet, basename="msme-product")
router.register("msme-permits", PermitViewSet, basename="msme-permit")
router.register("msme-inquiries", InquiryViewSet, basename="msme-inquiry")
router.register("msme-leads", LeadViewSet, basename="msme-lead")

urlpatterns = router.urls
