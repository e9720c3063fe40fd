from django.urls import URLPattern, path

from sistercity.reports.api import views

urlpatterns: list[URLPattern] = [
    path("partnerships/<slug:slug>/import/", views.ImportView.as_view(), name="import"),
    path("partnerships/<slug:slug>/reports/me/", views.MeReportView.as_view(), name="me-report"),
    path("jobs/<int:pk>/", views.JobView.as_view(), name="job-detail"),
    path("jobs/<int:pk>/download/", views.JobDownloadView.as_view(), name="job-download"),
]
