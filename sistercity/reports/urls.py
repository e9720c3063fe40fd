from django.urls import URLPattern, path

from sistercity.reports import views

app_name = "reports"

urlpatterns: list[URLPattern] = [
    path("partnerships/<slug:slug>/reports/me/", views.me_report, name="me_report"),
    path("jobs/<int:pk>/", views.job_detail, name="job"),
    path("jobs/<int:pk>/download/", views.job_download, name="job_download"),
]

# The exports tab and the XLSX upload start and list jobs, so they are reports' pages; they keep
# the paths and names they have always had in the programmes' namespace (``programs:exports``,
# ``programs:import``): ``config/urls.py`` mounts them there, so programs need not know reports.
programs_urlpatterns: list[URLPattern] = [
    path("partnerships/<slug:slug>/exports/", views.exports, name="exports"),
    path("partnerships/<slug:slug>/imports/", views.import_xlsx, name="import"),
]
