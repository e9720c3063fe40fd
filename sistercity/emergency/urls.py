from django.urls import path

from sistercity.emergency import views

app_name = "emergency"

urlpatterns = [
    path("emergency/", views.index, name="index"),
    path("emergency/<slug:slug>/", views.dashboard, name="dashboard"),
    path(
        "emergency/<slug:slug>/incidents/import/",
        views.incidents_import,
        name="incidents_import",
    ),
    path("emergency/<slug:slug>/incidents/", views.incidents, name="incidents"),
    path("emergency/<slug:slug>/incidents/<int:pk>/", views.incident, name="incident"),
    path("emergency/<slug:slug>/fleet/", views.fleet, name="fleet"),
    path("emergency/<slug:slug>/fleet/<str:code>/", views.vehicle, name="vehicle"),
    path(
        "emergency/<slug:slug>/fleet/<str:code>/<slug:action>/",
        views.vehicle_action,
        name="vehicle_action",
    ),
    path(
        "emergency/<slug:slug>/grant-documents/<int:pk>/",
        views.grant_document,
        name="grant_document",
    ),
    path("emergency/<slug:slug>/crews/", views.crews, name="crews"),
    path(
        "emergency/<slug:slug>/crews/<int:pk>/qualifications/",
        views.qualification_add,
        name="qualification_add",
    ),
    path(
        "emergency/<slug:slug>/courses/<int:pk>/attendance/",
        views.attendance_record,
        name="attendance_record",
    ),
    path(
        "emergency/<slug:slug>/certificates/<int:pk>.pdf",
        views.certificate,
        name="certificate",
    ),
    path("emergency/<slug:slug>/coverage/", views.coverage, name="coverage"),
    path("emergency/<slug:slug>/coverage/matrix/", views.matrix_import, name="matrix_import"),
    path("emergency/<slug:slug>/coverage/villages/", views.villages_import, name="villages_import"),
    path("emergency/<slug:slug>/coverage/compare/", views.compare, name="compare"),
    path("emergency/<slug:slug>/coverage/<int:pk>/", views.scenario, name="scenario"),
    path(
        "emergency/<slug:slug>/coverage/<int:pk>/results.xlsx",
        views.scenario_xlsx,
        name="scenario_xlsx",
    ),
]
