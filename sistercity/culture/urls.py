from django.urls import URLPattern

app_name = "culture"

urlpatterns: list[URLPattern] = []
