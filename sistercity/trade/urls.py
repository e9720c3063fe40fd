from django.urls import path

from sistercity.trade import views
from sistercity.trade.views import editing, mentoring

app_name = "trade"

urlpatterns = [
    path("msme/", views.index, name="index"),
    path("msme/<slug:slug>/", views.overview, name="overview"),
    path("msme/<slug:slug>/catalogue/", views.catalogue, name="catalogue"),
    path("msme/<slug:slug>/enterprises/new/", views.enterprise_new, name="enterprise_new"),
    path("msme/<slug:slug>/enterprises/import/", views.enterprise_import, name="import"),
    path(
        "msme/<slug:slug>/enterprises/export.<str:fmt>",
        views.enterprise_export,
        name="export",
    ),
    path("msme/<slug:slug>/export/<str:table>.<str:fmt>", views.table_export, name="table_export"),
    path("msme/<slug:slug>/enterprises/<int:pk>/", views.enterprise_detail, name="enterprise"),
    path(
        "msme/<slug:slug>/enterprises/<int:pk>/edit/",
        views.enterprise_edit,
        name="enterprise_edit",
    ),
    path(
        "msme/<slug:slug>/enterprises/<int:pk>/publish/",
        views.enterprise_publish,
        name="enterprise_publish",
    ),
    path(
        "msme/<slug:slug>/enterprises/<int:pk>/permits/",
        views.permit_add,
        name="permit_add",
    ),
    path("msme/<slug:slug>/products/<int:pk>/", views.product_detail, name="product"),
    path("msme/<slug:slug>/products/<int:pk>/edit/", editing.product_edit, name="product_edit"),
    path(
        "msme/<slug:slug>/enterprises/<int:pk>/photos/",
        editing.enterprise_photo_add,
        name="enterprise_photo_add",
    ),
    path(
        "msme/<slug:slug>/enterprises/<int:pk>/photos/<int:photo>",
        editing.enterprise_photo,
        name="enterprise_photo",
    ),
    path(
        "msme/<slug:slug>/mentoring/<int:pk>/sessions/<int:session>/edit/",
        editing.session_edit,
        name="session_edit",
    ),
    path("msme/<slug:slug>/buyers/<int:pk>/edit/", editing.buyer_edit, name="buyer_edit"),
    path("msme/<slug:slug>/events/new/", editing.event_new, name="event_new"),
    path(
        "msme/<slug:slug>/products/<int:pk>/assess/",
        views.product_assess,
        name="product_assess",
    ),
    path(
        "msme/<slug:slug>/products/<int:pk>/publish/",
        views.product_publish,
        name="product_publish",
    ),
    path(
        "msme/<slug:slug>/products/<int:pk>/photos/",
        views.product_photo_add,
        name="product_photo_add",
    ),
    path(
        "msme/<slug:slug>/products/<int:pk>/photos/<int:photo>",
        views.product_photo,
        name="product_photo",
    ),
    path("msme/<slug:slug>/products/<int:pk>/label.pdf", views.label_pdf, name="label_pdf"),
    path(
        "msme/<slug:slug>/products/<int:pk>/ingredients/",
        views.ingredients_set,
        name="ingredients",
    ),
    path("msme/<slug:slug>/permits/<int:pk>/verify/", views.permit_verify, name="permit_verify"),
    path("msme/<slug:slug>/buyers/new/", views.buyer_new, name="buyer_new"),
    path("msme/<slug:slug>/inquiries/new/", views.inquiry_new, name="inquiry_new"),
    path("msme/<slug:slug>/inquiries/<int:pk>/", views.inquiry_detail, name="inquiry"),
    path("msme/<slug:slug>/leads/<int:pk>/", views.lead_detail, name="lead"),
    path("msme/<slug:slug>/mentoring/new/", mentoring.mentoring_new, name="mentoring_new"),
    path("msme/<slug:slug>/mentoring/<int:pk>/", mentoring.mentoring_detail, name="mentoring"),
    path(
        "msme/<slug:slug>/mentoring/<int:pk>/certificates/<int:enterprise>.pdf",
        mentoring.mentoring_certificate,
        name="certificate",
    ),
]
