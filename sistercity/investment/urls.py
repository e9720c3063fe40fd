from django.urls import URLPattern

app_name = "investment"

urlpatterns: list[URLPattern] = []
