from django.urls import path

from sistercity.exchange import views

app_name = "exchange"

urlpatterns = [
    path("calls/", views.call_list, name="calls"),
    path("calls/register/", views.register, name="register"),
    path("calls/verify/resend/", views.resend_verification, name="resend_verification"),
    path("calls/verify/<str:token>/", views.verify_email, name="verify_email"),
    path("calls/new/", views.call_create, name="call_create"),
    path("calls/<slug:slug>/", views.call_detail, name="call"),
    path("calls/<slug:slug>/apply/", views.apply, name="apply"),
    path("applications/", views.my_applications, name="my_applications"),
    path("applications/<uuid:reference>/", views.application_detail, name="application"),
    path("applications/<uuid:reference>/upload/", views.application_upload, name="upload"),
    path("applications/<uuid:reference>/withdraw/", views.application_withdraw, name="withdraw"),
    path(
        "applications/<uuid:reference>/offer/<str:answer>/",
        views.offer_answer,
        name="offer_answer",
    ),
    path("applications/<uuid:reference>/readiness/", views.readiness, name="readiness"),
    path("applications/<uuid:reference>/report/", views.report_submit, name="report"),
    path("applications/<uuid:reference>/alumni/", views.alumni, name="alumni"),
    path("application-files/<int:pk>/", views.file_download, name="file"),
    path("reviews/", views.review_list, name="reviews"),
    path("reviews/<uuid:reference>/", views.review_detail, name="review"),
    path("manage/calls/<slug:slug>/", views.manage_call, name="manage_call"),
    path("manage/calls/<slug:slug>/publish/", views.publish, name="publish"),
    path("manage/calls/<slug:slug>/setup/host/", views.setup_host, name="setup_host"),
    path(
        "manage/calls/<slug:slug>/setup/placement/", views.setup_placement, name="setup_placement"
    ),
    path("manage/calls/<slug:slug>/setup/places/", views.setup_places, name="setup_places"),
    path("manage/calls/<slug:slug>/setup/question/", views.setup_question, name="setup_question"),
    path("manage/calls/<slug:slug>/setup/document/", views.setup_document, name="setup_document"),
    path(
        "manage/calls/<slug:slug>/setup/criterion/", views.setup_criterion, name="setup_criterion"
    ),
    path("manage/calls/<slug:slug>/setup/panel/", views.setup_panel, name="setup_panel"),
    path(
        "manage/calls/<slug:slug>/applications/<uuid:reference>/decide/",
        views.decide,
        name="decide",
    ),
    path(
        "manage/calls/<slug:slug>/applications/<uuid:reference>/assign/",
        views.assign,
        name="assign",
    ),
    path(
        "manage/calls/<slug:slug>/applications.<str:fmt>",
        views.export_applications,
        name="export_applications",
    ),
    path("manage/calls/<slug:slug>/allocation/", views.allocation, name="allocation"),
    path("manage/calls/<slug:slug>/participants/", views.participants, name="participants"),
    path("manage/runs/<int:pk>/", views.run_detail, name="run"),
    path("manage/runs/<int:pk>/apply/", views.run_apply, name="run_apply"),
    path("manage/runs/<int:pk>/result.<str:fmt>", views.run_export, name="run_export"),
    path("manage/placements/<int:pk>/ranking/", views.placement_ranking, name="placement_ranking"),
    path(
        "manage/participants/<uuid:reference>/<str:action>/",
        views.participant_action,
        name="participant_action",
    ),
]
