from django.urls import path

from sistercity.irrigation import views

app_name = "irrigation"

urlpatterns = [
    path("irrigation/", views.index, name="index"),
    path("irrigation/<slug:slug>/", views.overview, name="overview"),
    path("irrigation/<slug:slug>/new-scheme/", views.scheme_new, name="scheme_new"),
    path("irrigation/<slug:slug>/schemes/<slug:code>/", views.scheme_detail, name="scheme"),
    path("irrigation/<slug:slug>/schemes/<slug:code>/edit/", views.scheme_edit, name="scheme_edit"),
    path(
        "irrigation/<slug:slug>/schemes/<slug:code>/groups/new/", views.group_edit, name="group_new"
    ),
    path(
        "irrigation/<slug:slug>/schemes/<slug:code>/groups/<str:group>/edit/",
        views.group_edit,
        name="group_edit",
    ),
    path(
        "irrigation/<slug:slug>/schemes/<slug:code>/associations/new/",
        views.association_edit,
        name="association_new",
    ),
    path(
        "irrigation/<slug:slug>/schemes/<slug:code>/associations/<int:pk>/edit/",
        views.association_edit,
        name="association_edit",
    ),
    path(
        "irrigation/<slug:slug>/schemes/<slug:code>/structures/new/",
        views.structure_edit,
        name="structure_new",
    ),
    path(
        "irrigation/<slug:slug>/schemes/<slug:code>/structures/<int:pk>/edit/",
        views.structure_edit,
        name="structure_edit",
    ),
    path("irrigation/<slug:slug>/schemes/<slug:code>/drops/new/", views.drop_edit, name="drop_new"),
    path(
        "irrigation/<slug:slug>/schemes/<slug:code>/drops/<int:pk>/edit/",
        views.drop_edit,
        name="drop_edit",
    ),
    path(
        "irrigation/<slug:slug>/schemes/<slug:code>/rotation/",
        views.rotation_apply,
        name="rotation_apply",
    ),
    path(
        "irrigation/<slug:slug>/schemes/<slug:code>/groups/<str:group>/shift/",
        views.group_shift,
        name="group_shift",
    ),
    path(
        "irrigation/<slug:slug>/schemes/<slug:code>/demand.xlsx",
        views.scheme_xlsx,
        name="scheme_xlsx",
    ),
    path(
        "irrigation/<slug:slug>/schemes/<slug:code>/report.pdf", views.scheme_pdf, name="scheme_pdf"
    ),
    path("irrigation/<slug:slug>/new-station/", views.station_new, name="station_new"),
    path("irrigation/<slug:slug>/stations/<str:code>/", views.station_detail, name="station"),
    path(
        "irrigation/<slug:slug>/stations/<str:code>/edit/",
        views.station_edit,
        name="station_edit",
    ),
]
