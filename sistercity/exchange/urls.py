from django.urls import path

from sistercity.exchange.views import applications, calls, participants, review, runs

app_name = "exchange"

urlpatterns = [
    path("calls/", calls.call_list, name="calls"),
    path("calls/register/", applications.register, name="register"),
    path("calls/verify/resend/", applications.resend_verification, name="resend_verification"),
    path("calls/verify/<str:token>/", applications.verify_email, name="verify_email"),
    path("calls/new/", calls.call_create, name="call_create"),
    path("calls/<slug:slug>/", calls.call_detail, name="call"),
    path("calls/<slug:slug>/apply/", applications.apply, name="apply"),
    path("applications/", applications.my_applications, name="my_applications"),
    path("applications/<uuid:reference>/", applications.application_detail, name="application"),
    path("applications/<uuid:reference>/upload/", applications.application_upload, name="upload"),
    path(
        "applications/<uuid:reference>/withdraw/",
        applications.application_withdraw,
        name="withdraw",
    ),
    path(
        "applications/<uuid:reference>/offer/<str:answer>/",
        participants.offer_answer,
        name="offer_answer",
    ),
    path("applications/<uuid:reference>/readiness/", participants.readiness, name="readiness"),
    path("applications/<uuid:reference>/report/", participants.report_submit, name="report"),
    path("applications/<uuid:reference>/alumni/", participants.alumni, name="alumni"),
    path("application-files/<uuid:token>/", applications.file_download, name="file"),
    path("reviews/", review.review_list, name="reviews"),
    path("reviews/<uuid:reference>/", review.review_detail, name="review"),
    path("manage/calls/<slug:slug>/", calls.manage_call, name="manage_call"),
    path("manage/calls/<slug:slug>/publish/", calls.publish, name="publish"),
    path("manage/calls/<slug:slug>/setup/host/", calls.setup_host, name="setup_host"),
    path(
        "manage/calls/<slug:slug>/setup/placement/", calls.setup_placement, name="setup_placement"
    ),
    path("manage/calls/<slug:slug>/setup/places/", calls.setup_places, name="setup_places"),
    path("manage/calls/<slug:slug>/setup/question/", calls.setup_question, name="setup_question"),
    path("manage/calls/<slug:slug>/setup/document/", calls.setup_document, name="setup_document"),
    path(
        "manage/calls/<slug:slug>/setup/criterion/", calls.setup_criterion, name="setup_criterion"
    ),
    path("manage/calls/<slug:slug>/setup/panel/", calls.setup_panel, name="setup_panel"),
    path(
        "manage/calls/<slug:slug>/applications/<uuid:reference>/decide/",
        review.decide,
        name="decide",
    ),
    path(
        "manage/calls/<slug:slug>/applications/<uuid:reference>/assign/",
        review.assign,
        name="assign",
    ),
    path(
        "manage/calls/<slug:slug>/applications.<str:fmt>",
        review.export_applications,
        name="export_applications",
    ),
    path("manage/calls/<slug:slug>/allocation/", runs.allocation, name="allocation"),
    path("manage/calls/<slug:slug>/participants/", participants.participants, name="participants"),
    path("manage/calls/<slug:slug>/file-access/", participants.file_access, name="file_access"),
    path("manage/runs/<int:pk>/", runs.run_detail, name="run"),
    path("manage/runs/<int:pk>/apply/", runs.run_apply, name="run_apply"),
    path("manage/runs/<int:pk>/result.<str:fmt>", runs.run_export, name="run_export"),
    path("manage/placements/<int:pk>/ranking/", runs.placement_ranking, name="placement_ranking"),
    path(
        "manage/participants/<uuid:reference>/<str:action>/",
        participants.participant_action,
        name="participant_action",
    ),
]
