from django.urls import URLPattern

app_name = "irrigation"

urlpatterns: list[URLPattern] = []
