from django.urls import path

from sistercity.partnerships import views

app_name = "partnerships"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("tasks/", views.my_tasks, name="tasks"),
    path("partnerships/new/", views.partnership_create, name="create"),
    path("partnerships/<slug:slug>/", views.partnership_detail, name="detail"),
    path("partnerships/<slug:slug>/advance/", views.track_advance, name="advance"),
    path("partnerships/<slug:slug>/send-back/", views.track_send_back, name="send_back"),
    path("partnerships/<slug:slug>/approvals/", views.approval_record, name="approve"),
    path("partnerships/<slug:slug>/documents/", views.document_list, name="documents"),
    path("partnerships/<slug:slug>/documents/<int:pk>/", views.document_detail, name="document"),
    path("partnerships/<slug:slug>/deadlines/", views.deadline_list, name="deadlines"),
    path(
        "partnerships/<slug:slug>/deadlines/<int:pk>/done/",
        views.deadline_complete,
        name="deadline_done",
    ),
    path("partnerships/<slug:slug>/history/", views.history, name="history"),
    path(
        "partnerships/<slug:slug>/history/export.csv",
        views.history_export,
        name="history_export",
    ),
    path(
        "partnerships/<slug:slug>/translations/",
        views.partnership_translations,
        name="translations",
    ),
    path(
        "partnerships/<slug:slug>/documents/<int:pk>/translations/",
        views.document_translations,
        name="document_translations",
    ),
    path("files/<int:pk>/", views.version_download, name="download"),
]
