from typing import Any

from django.urls import reverse
from rest_framework import serializers

from sistercity.reports.models import Job


class JobSerializer(serializers.ModelSerializer):
    partnership: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
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

    def get_download_url(self, job: Job) -> str | None:
        if not job.result_file:
            return None
        url = reverse("api:job-download", args=[job.pk])
        request: Any = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class ImportSerializer(serializers.Serializer):
    file = serializers.FileField()


class MeReportSerializer(serializers.Serializer):
    language = serializers.CharField(max_length=5, help_text="id, ja or en")
    format = serializers.ChoiceField(choices=["pdf", "xlsx"], default="pdf")
    year = serializers.IntegerField(min_value=2000, max_value=2100, required=False)
