from django.urls import path

from sistercity.irrigation import views

app_name = "irrigation"

urlpatterns = [
    path("irrigation/", views.index, name="index"),
    path("irrigation/<slug:slug>/", views.overview, name="overview"),
    path("irrigation/<slug:slug>/schemes/<slug:code>/", views.scheme_detail, name="scheme"),
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
    path("irrigation/<slug:slug>/stations/<str:code>/", views.station_detail, name="station"),
]
