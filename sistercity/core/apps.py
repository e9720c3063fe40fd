from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class CoreConfig(AppConfig):
    name = "sistercity.core"
    label = "core"

    def ready(self) -> None:
        from sistercity.core.public_cache import invalidate_on_write

        # Any edit lets the cached public pages go, so visitors see it at once.
        for name, signal in (
            ("save", post_save),
            ("delete", post_delete),
            ("m2m", m2m_changed),
        ):
            signal.connect(invalidate_on_write, dispatch_uid=f"public-cache-{name}")
