from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "sistercity.api"
    label = "api"
    verbose_name = "API"
