"""Downloads of a partnership's programme data made on the spot: IATI XML, CSV, XLSX, and the
public open-data ZIPs. Every file leaves through ``core.views.file_response``. The exports tab
itself and the XLSX import start and list jobs, so they are the reports app's pages (mounted
under the same names, ``programs:exports`` and ``programs:import``)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render

from sistercity.core.errors import SisterCityError
from sistercity.core.views import file_response, partnership_for
from sistercity.programs import iati, opendata, tabular

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
ZIP = "application/zip"
XML = "application/xml"


# The file names, shared by the pages and the API.
def csv_name(partnership: Any, table: str) -> str:
    return f"{table}-{partnership.slug}.csv"


def csv_zip_name(partnership: Any) -> str:
    return f"programmes-{partnership.slug}-csv.zip"


def open_data_name(partnership: Any | None = None) -> str:
    return f"{partnership.slug}-open-data.zip" if partnership else "sistercity-open-data.zip"


def open_data_response(content: bytes, partnership: Any | None = None) -> HttpResponseBase:
    """Public records for anyone: a cache may keep them."""
    return file_response(
        content, filename=open_data_name(partnership), content_type=ZIP, private=False
    )


@login_required
def export_iati(request: HttpRequest, slug: str) -> HttpResponseBase:
    partnership = partnership_for(request, slug)
    try:
        xml = iati.export_iati(partnership)
    except SisterCityError as error:
        messages.error(request, str(error))
        return redirect("programs:exports", slug=slug)
    return file_response(xml, filename=iati.filename(partnership), content_type=XML)


@login_required
def export_xlsx(request: HttpRequest, slug: str) -> HttpResponseBase:
    partnership = partnership_for(request, slug)
    return file_response(
        tabular.export_xlsx(partnership),
        filename=tabular.filename(partnership, "xlsx"),
        content_type=XLSX,
    )


@login_required
def export_csv_zip(request: HttpRequest, slug: str) -> HttpResponseBase:
    partnership = partnership_for(request, slug)
    return file_response(
        tabular.export_csv_zip(partnership), filename=csv_zip_name(partnership), content_type=ZIP
    )


@login_required
def export_csv(request: HttpRequest, slug: str, table: str) -> HttpResponseBase:
    partnership = partnership_for(request, slug)
    if table not in tabular.COLUMNS:
        raise Http404
    return file_response(
        tabular.export_csv(partnership, table),
        filename=csv_name(partnership, table),
        content_type=CSV,
    )


def open_data_index(request: HttpRequest) -> HttpResponse:
    """Public: the open-data downloads of every public partnership."""
    return render(
        request,
        "programs/exports/open_data.html",
        {"partnerships": opendata.public_partnerships().order_by("slug")},
    )


def open_data_all(request: HttpRequest) -> HttpResponseBase:
    return open_data_response(opendata.all_zip())


def open_data(request: HttpRequest, slug: str) -> HttpResponseBase:
    partnership = get_object_or_404(opendata.public_partnerships(), slug=slug)
    return open_data_response(opendata.partnership_zip(partnership), partnership)
