from django.urls import URLPattern

app_name = "trade"

urlpatterns: list[URLPattern] = []
