from django.urls import path

from sistercity.glossary import views

app_name = "glossary"

urlpatterns = [
    path("glossary/", views.term_list, name="list"),
    path("glossary/new/", views.term_new, name="new"),
    path("glossary/<int:pk>/edit/", views.term_edit, name="edit"),
]
