from django.conf import settings


def site(request):
    return {"LANGUAGE_NAMES": dict(settings.LANGUAGES), "DEBUG": settings.DEBUG}
