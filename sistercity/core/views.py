"""What every page does the same way: run a service from a form, report its refusal, find the
partnership of the URL, and hand out a file.

- ``run_service`` calls a service as the request's user and turns a ``SisterCityError`` into a
  message; ``form_errors`` shows a form's errors as messages; ``submit_form`` is both for the
  usual "valid form → service → message" step. A page that shows its form again after a
  refusal passes ``on_form=True``: the errors stay on the form, next to the fields they concern
  (the service's refusal too, at its ``field``), and ``_error_summary.html`` lists them at the
  top of the page with links to the fields.
- ``partnership_for`` is the URL's partnership for the request's user (404 for outsiders);
  ``PartnershipMixin`` is the same for class-based views, with ``self.access`` computed once.
- ``ServiceFormView`` is a page whose POST is a form handed to one service.
- ``file_response`` is the only way a file leaves the server: the same headers everywhere.
"""

from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.http import content_disposition_header
from django.views.generic import FormView

from sistercity.core.access import Access, Action, access_for
from sistercity.core.errors import SisterCityError
from sistercity.core.permissions import get_for_user_or_404


def form_errors(request: HttpRequest, form: Any) -> None:
    """Every error of ``form`` as a message, prefixed with its field's label."""
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


def run_service(
    request: HttpRequest, func: Callable[..., Any], success: Any = None, **kwargs: Any
) -> Any:
    """Call ``func(actor=request.user, **kwargs)``; on a refusal show its message and return
    None, else show ``success`` and return the result (True for a service returning None)."""
    try:
        result = func(actor=request.user, **kwargs)
    except SisterCityError as error:
        messages.error(request, str(error))
        return None
    if success:
        messages.success(request, success)
    return result if result is not None else True


def refuse_on_form(form: Any, error: SisterCityError) -> None:
    """Put a service's refusal on the form: at its field when the form has it, else at the top."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, str(error.message))


def run_service_on_form(
    request: HttpRequest, form: Any, func: Callable[..., Any], success: Any = None, **kwargs: Any
) -> Any:
    """``run_service`` for a page that shows ``form`` again: a refusal goes on the form."""
    try:
        result = func(actor=request.user, **kwargs)
    except SisterCityError as error:
        refuse_on_form(form, error)
        return None
    if success:
        messages.success(request, success)
    return result if result is not None else True


def submit_form(
    request: HttpRequest,
    form: Any,
    func: Callable[..., Any],
    success: Any = None,
    *,
    on_form: bool = False,
    **kwargs: Any,
) -> Any:
    """For a POST: validate ``form`` and hand its cleaned data (plus ``kwargs``) to ``func``.
    Returns the service's result, or None when the form or the service refused (the reasons
    are shown as messages, or kept on the form with ``on_form``); None too when the request is
    not a POST."""
    if request.method != "POST":
        return None
    if not form.is_valid():
        if not on_form:
            form_errors(request, form)
        return None
    if on_form:
        return run_service_on_form(request, form, func, success, **form.cleaned_data, **kwargs)
    return run_service(request, func, success, **form.cleaned_data, **kwargs)


def partnership_for(request: HttpRequest, slug: str, action: str = Action.VIEW) -> Any:
    """The partnership named in the URL, if the user may do ``action`` with it; else 404."""
    partnership_model = apps.get_model("partnerships", "Partnership")
    return get_for_user_or_404(partnership_model.objects, request.user, action, slug=slug)


class PartnershipMixin(LoginRequiredMixin):
    """A class-based view of one partnership (``slug`` in the URL): ``self.partnership`` and
    ``self.access`` are set before the handler runs; outsiders get 404."""

    request: HttpRequest
    kwargs: dict[str, Any]
    partnership: Any
    access: Access

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if request.user.is_authenticated:
            self.partnership = partnership_for(request, kwargs["slug"])
            self.access = access_for(request.user, self.partnership)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        return {"partnership": self.partnership, "access": self.access, **context}


class ServiceFormView(PartnershipMixin, FormView):
    """A partnership's page whose form is handed to one service.

    Subclasses set ``form_class``, ``template_name``, ``service`` and ``success_message``, and
    may override ``service_kwargs`` (extra arguments) and ``get_success_url``. A refusal by the
    form or the service re-renders the page with the typed values and the errors at their
    fields.
    """

    service: Callable[..., Any]
    success_message: Any = None

    def service_kwargs(self, form: Any) -> dict[str, Any]:
        return {"partnership": self.partnership}

    def form_valid(self, form: Any) -> HttpResponse:
        self.result = run_service_on_form(
            self.request,
            form,
            type(self).service,
            self.success_message,
            **form.cleaned_data,
            **self.service_kwargs(form),
        )
        if self.result is None:
            return self.form_invalid(form)
        return redirect(self.get_success_url())


def file_response(
    content: bytes | FieldFile | Any,
    *,
    filename: str,
    content_type: str,
    as_attachment: bool = True,
    private: bool = True,
) -> HttpResponseBase:
    """A file for the browser, with the same headers everywhere.

    ``content`` is bytes (an export made now) or a stored file. The name goes into
    ``Content-Disposition`` with its RFC 5987 form for non-ASCII names (a Japanese file name
    stays Japanese); ``nosniff`` stops a browser from running an upload as a page; a private
    file (the default: documents, applications, reports) is never kept by a cache.
    """
    response: HttpResponseBase
    if isinstance(content, bytes | bytearray):
        response = HttpResponse(bytes(content), content_type=content_type)
    else:
        try:
            handle = content.open("rb")
        except (FileNotFoundError, ValueError):
            raise Http404 from None
        response = FileResponse(handle, content_type=content_type)
    # Always set: the header is built from a name that is never empty.
    response["Content-Disposition"] = str(content_disposition_header(as_attachment, filename))
    response["X-Content-Type-Options"] = "nosniff"
    if private:
        response["Cache-Control"] = "private, no-store"
    return response
