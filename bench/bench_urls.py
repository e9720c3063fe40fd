"""The project's URLs plus a bare view that only bench/load_bench.py serves: the ceiling a
request through the whole middleware stack reaches on this machine, with no query or template."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from sistercity.config.urls import urlpatterns as project_urlpatterns


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *project_urlpatterns]
