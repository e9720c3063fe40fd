from rest_framework.routers import SimpleRouter

from sistercity.trade.api.views import (
    BuyerViewSet,
    EnterpriseViewSet,
    InquiryViewSet,
    LeadViewSet,
    OrderViewSet,
    PermitViewSet,
    ProductViewSet,
)

router = SimpleRouter()
router.register("msme-enterprises", EnterpriseViewSet, basename="msme-enterprise")
router.register("msme-products", ProductViewSet, basename="msme-product")
router.register("msme-permits", PermitViewSet, basename="msme-permit")
router.register("msme-buyers", BuyerViewSet, basename="msme-buyer")
router.register("msme-inquiries", InquiryViewSet, basename="msme-inquiry")
router.register("msme-leads", LeadViewSet, basename="msme-lead")
router.register("msme-orders", OrderViewSet, basename="msme-order")

urlpatterns = router.urls
