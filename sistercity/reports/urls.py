from django.urls import path

from sistercity.reports import views

app_name = "reports"

urlpatterns = [
    path("partnerships/<slug:slug>/reports/me/", views.me_report, name="me_report"),
    path("jobs/<int:pk>/", views.job_detail, name="job"),
    path("jobs/<int:pk>/download/", views.job_download, name="job_download"),
]
