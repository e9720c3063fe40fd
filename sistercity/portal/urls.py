from django.urls import path

from sistercity.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("p/<slug:slug>/", views.partnership_public, name="partnership"),
    path("municipalities/", views.municipality_list, name="municipalities"),
    path("municipalities/<slug:slug>/", views.municipality_detail, name="municipality"),
    path("search/", views.search, name="search"),
]
