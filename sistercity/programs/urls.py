from django.urls import include, path

from sistercity.programs import views

app_name = "programs"

urlpatterns = [
    path("partnerships/<slug:slug>/programmes/", views.programme_list, name="list"),
    path("partnerships/<slug:slug>/programmes/<slug:code>/", views.programme_detail, name="detail"),
    path("partnerships/<slug:slug>/results/", views.results_dashboard, name="dashboard"),
    path("partnerships/<slug:slug>/meetings/", views.meeting_list, name="meetings"),
    path("partnerships/<slug:slug>/meetings/<int:pk>/", views.meeting_action, name="meeting"),
    path("partnerships/<slug:slug>/clauses/", views.clauses, name="clauses"),
    path("accountability/<slug:slug>/", views.accountability, name="accountability"),
    # Exports, imports and reports live in export_urls.py.
    path("", include("sistercity.programs.export_urls")),
]
