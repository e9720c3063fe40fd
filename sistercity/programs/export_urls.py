from django.urls import path

from sistercity.programs import export_views as views

# The exports tab (``exports``) and the XLSX upload (``import``) are the reports app's pages,
# mounted in this namespace by ``config/urls.py``.
urlpatterns = [
    path("partnerships/<slug:slug>/exports/iati.xml", views.export_iati, name="export_iati"),
    path("partnerships/<slug:slug>/exports/programmes.xlsx", views.export_xlsx, name="export_xlsx"),
    path(
        "partnerships/<slug:slug>/exports/programmes-csv.zip",
        views.export_csv_zip,
        name="export_csv_zip",
    ),
    path("partnerships/<slug:slug>/exports/<slug:table>.csv", views.export_csv, name="export_csv"),
    path("open-data/", views.open_data_index, name="open_data_index"),
    path("open-data/all.zip", views.open_data_all, name="open_data_all"),
    path("open-data/<slug:slug>.zip", views.open_data, name="open_data"),
]
