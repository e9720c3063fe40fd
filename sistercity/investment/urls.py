from django.urls import path

from sistercity.investment.views import editing, offers, pipeline, public, techtransfer

app_name = "investment"

urlpatterns = [
    path("investment/", pipeline.index, name="index"),
    path("investment/my-dossier/", pipeline.my_dossier, name="my_dossier"),
    path("investment/<slug:slug>/prospectus/", public.prospectus, name="prospectus"),
    path(
        "investment/<slug:slug>/prospectus/sites/<slug:code>/",
        public.opportunity_public,
        name="opportunity_public",
    ),
    path(
        "investment/<slug:slug>/prospectus/projects/<slug:code>/",
        public.project_public,
        name="project_public",
    ),
    path("investment/<slug:slug>/", pipeline.pipeline, name="pipeline"),
    path("investment/<slug:slug>/leads/<uuid:reference>/", pipeline.lead_detail, name="lead"),
    path(
        "investment/<slug:slug>/leads/<uuid:reference>/documents/<int:pk>/",
        pipeline.lead_document,
        name="lead_document",
    ),
    path(
        "investment/<slug:slug>/leads/<uuid:reference>/realisations/<int:pk>/correct/",
        pipeline.realisation_correct,
        name="realisation_correct",
    ),
    path("investment/<slug:slug>/companies/", pipeline.company_list, name="companies"),
    path("investment/<slug:slug>/delegations/", pipeline.delegation_list, name="delegations"),
    path("investment/<slug:slug>/realised/", pipeline.realised, name="realised"),
    path(
        "investment/<slug:slug>/export/<str:table>.<str:fmt>",
        pipeline.export,
        name="export",
    ),
    path("investment/<slug:slug>/offers/", offers.opportunity_list, name="opportunities"),
    path(
        "investment/<slug:slug>/offers/incentives/new/", editing.incentive_new, name="incentive_new"
    ),
    path(
        "investment/<slug:slug>/offers/incentives/<slug:code>/",
        editing.incentive_edit,
        name="incentive_edit",
    ),
    path(
        "investment/<slug:slug>/offers/sites/<slug:code>/",
        editing.opportunity_edit,
        name="opportunity_edit",
    ),
    path("investment/<slug:slug>/offers/sectors/new/", editing.sector_new, name="sector_new"),
    path(
        "investment/<slug:slug>/offers/sectors/<slug:code>/",
        editing.sector_edit,
        name="sector_edit",
    ),
    path("investment/<slug:slug>/offers/projects/new/", editing.project_new, name="project_new"),
    path(
        "investment/<slug:slug>/offers/projects/<slug:code>/",
        editing.project_edit,
        name="project_edit",
    ),
    path("investment/<slug:slug>/tech/", techtransfer.project_list, name="tech"),
    path("investment/<slug:slug>/tech/new/", editing.tech_new, name="tech_new"),
    path("investment/<slug:slug>/tech/<slug:code>/edit/", editing.tech_edit, name="tech_edit"),
    path(
        "investment/<slug:slug>/tech/<slug:code>/",
        techtransfer.project_detail,
        name="tech_project",
    ),
    path(
        "investment/<slug:slug>/tech/<slug:code>/documents/<int:pk>/",
        techtransfer.project_document,
        name="tech_document",
    ),
]
