"""API for exports, the XLSX import, M&E reports and their jobs. Same services, same
permissions as the pages: an outsider gets 404."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from sistercity.core.permissions import Action, get_for_user_or_404
from sistercity.partnerships.models import Partnership
from sistercity.programs import iati, opendata, tabular
from sistercity.programs.export_views import XLSX, download
from sistercity.reports import services as job_services
from sistercity.reports.models import Job


class JobSerializer(serializers.ModelSerializer):
    partnership = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    # Plain strings: an enum here would collide with the documents' "language" in the schema.
    language = serializers.CharField(read_only=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Job
        fields = [
            "id",
            "kind",
            "partnership",
            "language",
            "params",
            "status",
            "progress",
            "message",
            "errors",
            "summary",
            "result_name",
            "download_url",
            "created_at",
            "started_at",
            "finished_at",
        ]

    def get_download_url(self, job) -> str | None:
        if not job.result_file:
            return None
        from django.urls import reverse

        url = reverse("api:job-download", args=[job.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class ImportSerializer(serializers.Serializer):
    file = serializers.FileField()


class MeReportSerializer(serializers.Serializer):
    language = serializers.CharField(max_length=5, help_text="id, ja or en")
    format = serializers.ChoiceField(choices=["pdf", "xlsx"], default="pdf")
    year = serializers.IntegerField(min_value=2000, max_value=2100, required=False)


class _PartnershipView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def partnership(self, request, slug) -> Partnership:
        return get_for_user_or_404(Partnership.objects, request.user, Action.VIEW, slug=slug)


class IatiExportView(_PartnershipView):
    """The partnership's programmes and activities as an IATI 2.03 activity file."""

    @extend_schema(responses={(200, "application/xml"): bytes})
    def get(self, request, slug):
        partnership = self.partnership(request, slug)
        return download(
            iati.export_iati(partnership), iati.filename(partnership), "application/xml"
        )


class XlsxExportView(_PartnershipView):
    """Programmes, activities, indicators and periods as XLSX (the import layout)."""

    @extend_schema(responses={(200, XLSX): bytes})
    def get(self, request, slug):
        partnership = self.partnership(request, slug)
        return download(
            tabular.export_xlsx(partnership), tabular.filename(partnership, "xlsx"), XLSX
        )


class CsvExportView(_PartnershipView):
    """The same tables as a ZIP of CSV files, or one table with ``?table=``."""

    @extend_schema(
        parameters=[OpenApiParameter("table", enum=tabular.SHEETS, required=False)],
        responses={(200, "application/zip"): bytes, (200, "text/csv"): bytes},
    )
    def get(self, request, slug):
        partnership = self.partnership(request, slug)
        table = request.query_params.get("table")
        if table:
            if table not in tabular.COLUMNS:
                raise Http404
            return download(
                tabular.export_csv(partnership, table),
                f"{table}-{partnership.slug}.csv",
                "text/csv; charset=utf-8",
            )
        return download(
            tabular.export_csv_zip(partnership),
            f"programmes-{partnership.slug}-csv.zip",
            "application/zip",
        )


class ImportView(_PartnershipView):
    """Upload an XLSX workbook (multipart, field ``file``); answers 202 with the job to poll."""

    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(request=ImportSerializer, responses={202: JobSerializer})
    def post(self, request, slug):
        partnership = self.partnership(request, slug)
        payload = ImportSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        job = job_services.job_start_import(
            actor=request.user,
            partnership=partnership,
            upload=payload.validated_data["file"],
            language=request.LANGUAGE_CODE,
        )
        return Response(
            JobSerializer(job, context={"request": request}).data,
            status=status.HTTP_202_ACCEPTED,
        )


class MeReportView(_PartnershipView):
    """Ask for the annual M&E report; answers 202 with the job to poll."""

    @extend_schema(request=MeReportSerializer, responses={202: JobSerializer})
    def post(self, request, slug):
        partnership = self.partnership(request, slug)
        payload = MeReportSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        job = job_services.job_start_me_report(
            actor=request.user,
            partnership=partnership,
            language=data["language"],
            fmt=data["format"],
            year=data.get("year"),
        )
        return Response(
            JobSerializer(job, context={"request": request}).data,
            status=status.HTTP_202_ACCEPTED,
        )


class JobView(APIView):
    """A job the caller started: status, progress, per-row errors, result link."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=JobSerializer)
    def get(self, request, pk):
        job = get_for_user_or_404(Job.objects.select_related("partnership"), request.user, pk=pk)
        return Response(JobSerializer(job, context={"request": request}).data)


class JobDownloadView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    def get(self, request, pk):
        job = get_for_user_or_404(Job.objects, request.user, pk=pk)
        if not job.result_file:
            raise Http404
        try:
            handle = job.result_file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=job.result_name,
            content_type=job.result_content_type or "application/octet-stream",
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response


class OpenDataAllView(APIView):
    """Public: everything public about every public partnership as a ZIP of CSVs."""

    permission_classes = [permissions.AllowAny]
    authentication_classes: list = []

    @extend_schema(operation_id="open_data_all", responses={(200, "application/zip"): bytes})
    def get(self, request):
        return download(opendata.all_zip(), "sistercity-open-data.zip", "application/zip")


class OpenDataView(APIView):
    """Public: everything public about one partnership as a ZIP of CSVs."""

    permission_classes = [permissions.AllowAny]
    authentication_classes: list = []

    @extend_schema(
        operation_id="open_data_partnership", responses={(200, "application/zip"): bytes}
    )
    def get(self, request, slug):
        partnership = get_object_or_404(opendata.public_partnerships(), slug=slug)
        return download(
            opendata.partnership_zip(partnership),
            f"{partnership.slug}-open-data.zip",
            "application/zip",
        )
