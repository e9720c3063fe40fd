from django.urls import path

from sistercity.programs.api import export_views as views

urlpatterns = [
    path(
        "partnerships/<slug:slug>/export/iati/", views.IatiExportView.as_view(), name="export-iati"
    ),
    path(
        "partnerships/<slug:slug>/export/xlsx/", views.XlsxExportView.as_view(), name="export-xlsx"
    ),
    path("partnerships/<slug:slug>/export/csv/", views.CsvExportView.as_view(), name="export-csv"),
    path("partnerships/<slug:slug>/import/", views.ImportView.as_view(), name="import"),
    path("partnerships/<slug:slug>/reports/me/", views.MeReportView.as_view(), name="me-report"),
    path("jobs/<int:pk>/", views.JobView.as_view(), name="job-detail"),
    path("jobs/<int:pk>/download/", views.JobDownloadView.as_view(), name="job-download"),
    path("open-data/", views.OpenDataAllView.as_view(), name="open-data-all"),
    path("open-data/<slug:slug>/", views.OpenDataView.as_view(), name="open-data"),
]
