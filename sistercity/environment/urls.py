from django.urls import path

from sistercity.environment import views

app_name = "environment"

urlpatterns = [
    path("waste/", views.index, name="index"),
    path("waste/<slug:slug>/", views.overview, name="overview"),
    path("waste/<slug:slug>/compare/", views.compare, name="compare"),
    path("waste/<slug:slug>/data/", views.data, name="data"),
    path(
        "waste/<slug:slug>/data/export.<str:fmt>",
        views.data_export,
        name="data_export",
    ),
    path("waste/<slug:slug>/scenarios/new/", views.scenario_new, name="scenario_new"),
    path("waste/<slug:slug>/scenarios/<slug:code>/", views.scenario_detail, name="scenario"),
    path(
        "waste/<slug:slug>/scenarios/<slug:code>/edit/",
        views.scenario_edit,
        name="scenario_edit",
    ),
    path(
        "waste/<slug:slug>/scenarios/<slug:code>/delete/",
        views.scenario_delete,
        name="scenario_delete",
    ),
    path(
        "waste/<slug:slug>/scenarios/<slug:code>/report.pdf",
        views.scenario_pdf,
        name="scenario_pdf",
    ),
    path(
        "waste/<slug:slug>/scenarios/<slug:code>/results.xlsx",
        views.scenario_xlsx,
        name="scenario_xlsx",
    ),
]
