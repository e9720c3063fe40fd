from django.urls import path

from sistercity.programs.api import export_views as views

# The import, M&E report and job endpoints are the reports app's (``reports/api/urls.py``).
urlpatterns = [
    path(
        "partnerships/<slug:slug>/export/iati/", views.IatiExportView.as_view(), name="export-iati"
    ),
    path(
        "partnerships/<slug:slug>/export/xlsx/", views.XlsxExportView.as_view(), name="export-xlsx"
    ),
    path("partnerships/<slug:slug>/export/csv/", views.CsvExportView.as_view(), name="export-csv"),
    path("open-data/", views.OpenDataAllView.as_view(), name="open-data-all"),
    path("open-data/<slug:slug>/", views.OpenDataView.as_view(), name="open-data"),
]
