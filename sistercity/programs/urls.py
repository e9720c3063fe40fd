from django.urls import include, path

app_name = "programs"

urlpatterns = [
    # Exports, imports and reports live in export_urls.py.
    path("", include("sistercity.programs.export_urls")),
]
