from django.urls import include, path
from rest_framework.routers import SimpleRouter

from sistercity.programs.api import views

router = SimpleRouter()
router.register("programmes", views.ProgrammeViewSet, basename="programme")
router.register("activities", views.ActivityViewSet, basename="activity")
router.register("indicators", views.IndicatorViewSet, basename="indicator")
router.register("periods", views.PeriodViewSet, basename="period")
router.register("indicator-updates", views.IndicatorUpdateViewSet, basename="indicator-update")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("budget-lines", views.BudgetLineViewSet, basename="budget-line")
router.register("transactions", views.TransactionViewSet, basename="transaction")
router.register("results-dashboard", views.ResultsDashboardViewSet, basename="results-dashboard")

urlpatterns = [
    *router.urls,
    path("", include("sistercity.programs.api.export_urls")),
]
