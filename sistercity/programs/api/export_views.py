"""API for the downloads made on the spot: IATI XML, XLSX, CSV and the public open-data ZIPs.
Same files, same permissions as the pages: an outsider gets 404. The XLSX import, M&E reports
and their jobs are the reports app's API."""

from django.http import Http404
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions
from rest_framework.request import Request
from rest_framework.views import APIView

from sistercity.core.api.viewsets import file_response, partnership_for_api
from sistercity.programs import iati, opendata, tabular
from sistercity.programs.export_views import (
    CSV,
    XLSX,
    XML,
    ZIP,
    csv_name,
    csv_zip_name,
    open_data_response,
)


class IatiExportView(APIView):
    """The partnership's programmes and activities as an IATI 2.03 activity file."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={(200, XML): bytes})
    def get(self, request: Request, slug: str) -> HttpResponseBase:
        partnership = partnership_for_api(request, slug)
        return file_response(
            iati.export_iati(partnership), filename=iati.filename(partnership), content_type=XML
        )


class XlsxExportView(APIView):
    """Programmes, activities, indicators and periods as XLSX (the import layout)."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={(200, XLSX): bytes})
    def get(self, request: Request, slug: str) -> HttpResponseBase:
        partnership = partnership_for_api(request, slug)
        return file_response(
            tabular.export_xlsx(partnership),
            filename=tabular.filename(partnership, "xlsx"),
            content_type=XLSX,
        )


class CsvExportView(APIView):
    """The same tables as a ZIP of CSV files, or one table with ``?table=``."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        parameters=[OpenApiParameter("table", enum=tabular.SHEETS, required=False)],
        responses={(200, ZIP): bytes, (200, "text/csv"): bytes},
    )
    def get(self, request: Request, slug: str) -> HttpResponseBase:
        partnership = partnership_for_api(request, slug)
        table = request.query_params.get("table")
        if table:
            if table not in tabular.COLUMNS:
                raise Http404
            return file_response(
                tabular.export_csv(partnership, table),
                filename=csv_name(partnership, table),
                content_type=CSV,
            )
        return file_response(
            tabular.export_csv_zip(partnership),
            filename=csv_zip_name(partnership),
            content_type=ZIP,
        )


class OpenDataAllView(APIView):
    """Public: everything public about every public partnership as a ZIP of CSVs."""

    permission_classes = [permissions.AllowAny]
    authentication_classes: list = []

    @extend_schema(operation_id="open_data_all", responses={(200, ZIP): bytes})
    def get(self, request: Request) -> HttpResponseBase:
        return open_data_response(opendata.all_zip())


class OpenDataView(APIView):
    """Public: everything public about one partnership as a ZIP of CSVs."""

    permission_classes = [permissions.AllowAny]
    authentication_classes: list = []

    @extend_schema(operation_id="open_data_partnership", responses={(200, ZIP): bytes})
    def get(self, request: Request, slug: str) -> HttpResponseBase:
        partnership = get_object_or_404(opendata.public_partnerships(), slug=slug)
        return open_data_response(opendata.partnership_zip(partnership), partnership)
