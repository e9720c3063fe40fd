from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from sistercity.core.errors import SisterCityError


def exception_handler(exc, context):
    """Service errors keep their translated message and their status; model validation errors
    become 400s, like the UI shows them."""
    if isinstance(exc, SisterCityError):
        return Response({"detail": str(exc), "code": exc.code}, status=exc.status)
    if isinstance(exc, Http404):
        # Django's "No Partnership matches the given query." is English only (and names the
        # model); DRF's own "Not found." is translated into id and ja.
        exc = exceptions.NotFound()
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else exc.messages
        )
    return drf_exception_handler(exc, context)
