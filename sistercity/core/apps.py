from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "sistercity.core"
    label = "core"
