"""API for the XLSX import, M&E reports and their jobs. Same services, same permissions as the
pages: an outsider gets 404; a job is seen only by whoever asked for it."""

from django.http import Http404
from django.http.response import HttpResponseBase
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sistercity.core.api.viewsets import file_response, partnership_for_api
from sistercity.reports import selectors, services
from sistercity.reports.api.serializers import ImportSerializer, JobSerializer, MeReportSerializer


class ImportView(APIView):
    """Upload an XLSX workbook (multipart, field ``file``); answers 202 with the job to poll."""

    permission_classes = [permissions.IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(request=ImportSerializer, responses={202: JobSerializer})
    def post(self, request: Request, slug: str) -> Response:
        partnership = partnership_for_api(request, slug)
        payload = ImportSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        job = services.job_start_import(
            actor=request.user,
            partnership=partnership,
            upload=payload.validated_data["file"],
            language=request.LANGUAGE_CODE,
        )
        return Response(
            JobSerializer(job, context={"request": request}).data,
            status=status.HTTP_202_ACCEPTED,
        )


class MeReportView(APIView):
    """Ask for the annual M&E report; answers 202 with the job to poll."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=MeReportSerializer, responses={202: JobSerializer})
    def post(self, request: Request, slug: str) -> Response:
        partnership = partnership_for_api(request, slug)
        payload = MeReportSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        job = services.job_start_me_report(
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
    def get(self, request: Request, pk: int) -> Response:
        job = selectors.job_for_user(user=request.user, pk=pk)
        return Response(JobSerializer(job, context={"request": request}).data)


class JobDownloadView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    def get(self, request: Request, pk: int) -> HttpResponseBase:
        job = selectors.job_for_user(user=request.user, pk=pk)
        if not job.result_file:
            raise Http404
        return file_response(
            job.result_file,
            filename=job.result_name,
            content_type=job.result_content_type or "application/octet-stream",
        )
