"""The API: the same services and selectors as the pages, the same permissions."""

import uuid
from typing import Any, cast

from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from sistercity.accounts.models import Organisation, User
from sistercity.core.access import Action, access_for, require
from sistercity.core.api.viewsets import ScopedViewSet, partnership_for_api
from sistercity.core.errors import SisterCityError
from sistercity.exchange import exports, selectors, services
from sistercity.exchange.api import serializers as s
from sistercity.exchange.models import (
    AllocationRun,
    Application,
    Call,
    HostOrganisation,
    Placement,
)


def _actor(request: Request) -> User:
    # The actions that call services let authenticated users in only (``IsAuthenticated``).
    return cast(User, request.user)


class _ReadOnly(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """List and detail of the rows the caller may see."""


class CallViewSet(_ReadOnly):
    """Published calls for everyone; unpublished ones for those who run or review them."""

    serializer_class = s.CallSerializer
    permission_classes = [permissions.AllowAny]  # public, unlike its base
    lookup_field = "slug"

    def get_queryset(self) -> Any:
        # Wider than a scoped list: published calls are public.
        return selectors.visible_calls(user=self.request.user).order_by("-closes_at", "slug")

    @extend_schema(request=None, responses=s.ApplicationSerializer)
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def apply(self, request: Request, slug: str | None = None) -> Response:
        call = self.get_object()
        application = services.application_start(actor=_actor(request), call=call)
        return Response(
            s.ApplicationSerializer(application, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(request=None, responses=None)
    @action(detail=True, methods=["get"], permission_classes=[permissions.IsAuthenticated])
    def ranking(self, request: Request, slug: str | None = None) -> Response:
        call = self.get_object()
        if not access_for(request.user, call.partnership).can_read_personal_data:
            raise NotFound
        return Response(
            [
                {
                    "position": row.position,
                    "reference": str(row.application.reference),
                    "status": row.application.status,
                    "score": str(row.score) if row.score is not None else None,
                    "reviews": row.reviews,
                }
                for row in selectors.panel_ranking(call)
            ]
        )

    @extend_schema(request=s.RunRequestSerializer, responses=s.RunSerializer)
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def allocate(self, request: Request, slug: str | None = None) -> Response:
        call = self.get_object()
        payload = s.RunRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        run = services.allocation_run(
            actor=_actor(request),
            call=call,
            seed=data.get("seed") or None,
            max_per_institution=data.get("max_per_institution"),
            max_gender_share=data.get("max_gender_share"),
        )
        return Response(s.RunSerializer(run).data, status=status.HTTP_201_CREATED)

    # Setting up the call: the same services as the management page. Outsiders and applicants
    # get 404, people who see the call but do not run it a translated 403, bad input a 400.

    def _call_to_set_up(self) -> Call:
        """The call, if the caller runs it: names in the payload (a host, a reviewer) are
        resolved only after this, so an outsider never learns what exists."""
        call = self.get_object()
        services.require_call(self.request.user, call)
        return call

    @extend_schema(request=s.PlacementCreateSerializer, responses={201: s.PlacementSerializer})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def placements(self, request: Request, slug: str | None = None) -> Response:
        call = self._call_to_set_up()
        payload = s.PlacementCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        host_slug = data.pop("host")
        host = call.partnership.hosts.filter(slug=host_slug).first()
        if host is None:
            raise SisterCityError(
                _("The partnership has no host “{host}”.").format(host=host_slug), code="host"
            )
        placement = services.placement_create(
            actor=_actor(request), call=call, host=host, language=request.LANGUAGE_CODE, **data
        )
        return Response(s.PlacementSerializer(placement).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.QuestionCreateSerializer, responses={201: s.QuestionSerializer})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def questions(self, request: Request, slug: str | None = None) -> Response:
        call = self._call_to_set_up()
        payload = s.QuestionCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        question = services.question_add(
            actor=_actor(request),
            call=call,
            texts={request.LANGUAGE_CODE: data["text"]},
            is_required=data["is_required"],
        )
        return Response(s.QuestionSerializer(question).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=s.RequiredDocumentCreateSerializer,
        responses={201: s.RequiredDocumentSerializer},
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="required-documents",
        permission_classes=[permissions.IsAuthenticated],
    )
    def required_documents(self, request: Request, slug: str | None = None) -> Response:
        call = self._call_to_set_up()
        payload = s.RequiredDocumentCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        document = services.required_document_add(
            actor=_actor(request),
            call=call,
            code=data["code"],
            texts={request.LANGUAGE_CODE: data["label"]},
        )
        return Response(s.RequiredDocumentSerializer(document).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.CriterionCreateSerializer, responses={201: s.CriterionSerializer})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def criteria(self, request: Request, slug: str | None = None) -> Response:
        call = self._call_to_set_up()
        payload = s.CriterionCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        criterion = services.criterion_add(
            actor=_actor(request),
            call=call,
            code=data["code"],
            texts={request.LANGUAGE_CODE: data["name"]},
            weight=data["weight"],
            max_score=data["max_score"],
        )
        return Response(s.CriterionSerializer(criterion).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.PanelMemberCreateSerializer, responses={201: s.PanelMemberSerializer})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def panel(self, request: Request, slug: str | None = None) -> Response:
        call = self._call_to_set_up()
        payload = s.PanelMemberCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        email = payload.validated_data["reviewer"]
        reviewer = User.objects.filter(email__iexact=email).first()
        if reviewer is None:
            raise SisterCityError(
                _("Nobody has the e-mail address {email}.").format(email=email),
                code="reviewer",
            )
        member = services.panel_add(actor=_actor(request), call=call, reviewer=reviewer)
        return Response(s.PanelMemberSerializer(member).data, status=status.HTTP_201_CREATED)


def _reference(value: Any) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise NotFound from None


class ApplicationViewSet(_ReadOnly):
    """Own applications (applicants), assigned ones (reviewers), all of a call (secretariat)."""

    serializer_class = s.ApplicationSerializer
    lookup_field = "reference"
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    model = Application
    related = ("call", "applicant", "call__partnership", "residence")
    prefetch = ("call__translations", "preferences__placement", "offers__placement")

    def get_queryset(self) -> Any:
        applications = super().get_queryset()
        call = self.request.query_params.get("call")
        if call:
            applications = applications.filter(call__slug=call)
        return applications.order_by("-created_at")

    def get_object(self) -> Application:
        return get_object_or_404(
            self.get_queryset(), reference=_reference(self.kwargs["reference"])
        )

    def _ok(self, application: Application, code: int = status.HTTP_200_OK) -> Response:
        application = self.get_queryset().filter(pk=application.pk).first() or application
        return Response(
            s.ApplicationSerializer(application, context={"request": self.request}).data,
            status=code,
        )

    @extend_schema(request=s.ApplicationUpdateSerializer, responses=s.ApplicationSerializer)
    def partial_update(self, request: Request, reference: str | None = None) -> Response:
        application = self.get_object()
        payload = s.ApplicationUpdateSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        data = _resolve_update(application, dict(payload.validated_data))
        services.application_update(actor=_actor(request), application=application, **data)
        return self._ok(application)

    @extend_schema(request=None, responses=s.ApplicationSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, reference: str | None = None) -> Response:
        application = services.application_submit(
            actor=_actor(request), application=self.get_object()
        )
        return self._ok(application)

    @extend_schema(request=s.NoteSerializer, responses=s.ApplicationSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request: Request, reference: str | None = None) -> Response:
        payload = s.NoteSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        application = services.application_withdraw(
            actor=_actor(request), application=self.get_object(), **payload.validated_data
        )
        return self._ok(application)

    @extend_schema(request=s.UploadSerializer, responses=s.ApplicationSerializer)
    @action(detail=True, methods=["post"])
    def upload(self, request: Request, reference: str | None = None) -> Response:
        application = self.get_object()
        payload = s.UploadSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        document = None
        if data.get("required_document"):
            document = _required_document(application, data["required_document"])
        services.application_upload(
            actor=_actor(request),
            application=application,
            file=data["file"],
            required_document=document,
            evidence=data.get("evidence", ""),
        )
        return self._ok(application, status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=s.ApplicationSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request: Request, reference: str | None = None) -> Response:
        application = self.get_object()
        services.offer_accept(actor=_actor(request), application=application)
        return self._ok(application)

    @extend_schema(request=s.NoteSerializer, responses=s.ApplicationSerializer)
    @action(detail=True, methods=["post"])
    def decline(self, request: Request, reference: str | None = None) -> Response:
        application = self.get_object()
        payload = s.NoteSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.offer_decline(
            actor=_actor(request), application=application, **payload.validated_data
        )
        return self._ok(application)

    @extend_schema(request=s.DecisionSerializer, responses=s.ApplicationSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request: Request, reference: str | None = None) -> Response:
        application = self.get_object()
        payload = s.DecisionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.application_decide(
            actor=_actor(request), application=application, **payload.validated_data
        )
        return self._ok(application)

    @extend_schema(request=s.ScoreSerializer, responses=None)
    @action(detail=True, methods=["post"])
    def score(self, request: Request, reference: str | None = None) -> Response:
        application = self.get_object()
        payload = s.ScoreSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        assignment = services.review_submit(
            actor=_actor(request), application=application, **payload.validated_data
        )
        return Response({"submitted_at": assignment.submitted_at}, status=status.HTTP_200_OK)

    @extend_schema(request=s.ConflictSerializer, responses=None)
    @action(detail=True, methods=["post"])
    def conflict(self, request: Request, reference: str | None = None) -> Response:
        application = self.get_object()
        payload = s.ConflictSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.review_declare_conflict(
            actor=_actor(request), application=application, **payload.validated_data
        )
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=s.ReadinessSerializer, responses=None)
    @action(detail=True, methods=["get", "patch"])
    def readiness(self, request: Request, reference: str | None = None) -> Response:
        application = self.get_object()
        if request.method == "PATCH":
            payload = s.ReadinessSerializer(data=request.data, partial=True)
            payload.is_valid(raise_exception=True)
            services.readiness_update(
                actor=_actor(request), application=application, **payload.validated_data
            )
        elif (
            application.applicant_id != request.user.pk
            and not access_for(request.user, application.call.partnership).can_read_personal_data
        ):
            raise NotFound
        return Response(_checklist(application))

    @extend_schema(request=s.ReportSerializer, responses=None)
    @action(detail=True, methods=["post"])
    def report(self, request: Request, reference: str | None = None) -> Response:
        application = self.get_object()
        payload = s.ReportSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.report_submit(
            actor=_actor(request), application=application, **payload.validated_data
        )
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=s.AlumniSerializer, responses=s.ApplicationSerializer)
    @action(detail=True, methods=["post"])
    def alumni(self, request: Request, reference: str | None = None) -> Response:
        application = self.get_object()
        payload = s.AlumniSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.alumni_opt_in(
            actor=_actor(request), application=application, **payload.validated_data
        )
        return self._ok(application)


class RunViewSet(_ReadOnly):
    """Stored allocation runs: inputs, seed, result and the blocking-pair check."""

    serializer_class = s.RunSerializer
    model = AllocationRun
    related = ("call", "created_by")

    def get_queryset(self) -> Any:
        runs = super().get_queryset()
        call = self.request.query_params.get("call")
        return runs.filter(call__slug=call) if call else runs

    @extend_schema(request=None, responses=s.RunSerializer)
    @action(detail=True, methods=["post"])
    def apply(self, request: Request, pk: str | None = None) -> Response:
        run = self.get_object()
        services.allocation_apply(actor=_actor(request), run=run)
        run.refresh_from_db()
        return Response(s.RunSerializer(run).data)

    @extend_schema(responses={(200, "text/csv"): bytes})
    @action(detail=True, methods=["get"], url_path=r"export/(?P<fmt>csv|xlsx)")
    def export(self, request: Request, pk: str | None = None, fmt: str = "") -> HttpResponseBase:
        run = self.get_object()
        return exports.response(exports.run_table(run), f"{run.call.slug}-allocation-{run.pk}", fmt)


class PlacementViewSet(_ReadOnly):
    serializer_class = s.PlacementSerializer
    model = Placement
    related = ("host",)
    prefetch = ("translations", "host__translations")

    @extend_schema(request=s.RankingSerializer, responses=s.PlacementSerializer)
    @action(detail=True, methods=["post"])
    def ranking(self, request: Request, pk: str | None = None) -> Response:
        placement = self.get_object()
        payload = s.RankingSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        tiers = _tiers(placement, payload.validated_data["tiers"])
        services.placement_rank(actor=_actor(request), placement=placement, tiers=tiers)
        placement.refresh_from_db()
        return Response(s.PlacementSerializer(placement).data)

    @extend_schema(request=s.CapacitySerializer, responses=s.PlacementSerializer)
    @action(detail=True, methods=["post"])
    def capacity(self, request: Request, pk: str | None = None) -> Response:
        placement = self.get_object()
        payload = s.CapacitySerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.placement_set_capacity(
            actor=_actor(request), placement=placement, **payload.validated_data
        )
        placement.refresh_from_db()
        return Response(s.PlacementSerializer(placement).data)


class HostViewSet(_ReadOnly):
    """Host organisations of the partnerships the user sees; the partnership's staff add them."""

    serializer_class = s.HostSerializer
    model = HostOrganisation
    partnership_filter = "partnership__slug"
    related = ("partnership", "city")
    prefetch = ("translations",)

    @extend_schema(request=s.HostCreateSerializer, responses={201: s.HostSerializer})
    def create(self, request: Request) -> Response:
        payload = s.HostCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        partnership = partnership_for_api(request, data.pop("partnership"))
        require(request.user, partnership, Action.CHANGE)
        host = services.host_create(
            actor=_actor(request),
            partnership=partnership,
            city=_municipality(data.pop("city")),
            language=request.LANGUAGE_CODE,
            **data,
        )
        return Response(s.HostSerializer(host).data, status=status.HTTP_201_CREATED)


# --------------------------------------------------------------------------------------
# Names in payloads, resolved to objects
# --------------------------------------------------------------------------------------


def _resolve_update(application: Application, data: dict[str, Any]) -> dict[str, Any]:
    """An update's place of residence (a slug) and placement choices (codes) as objects; an
    unknown code stays as it is, for the service to refuse by name."""
    if "residence" in data:
        slug = data.pop("residence")
        data["residence"] = Organisation.objects.filter(slug=slug).first() if slug else None
        if slug and data["residence"] is None:
            raise SisterCityError(_("Unknown place of residence."), code="residence")
    if "preferences" in data:
        by_code = {p.code: p for p in application.call.placements.all()}
        data["preferences"] = [by_code.get(code, code) for code in data["preferences"]]
    return data


def _required_document(application: Application, code: str) -> Any:
    document = application.call.required_documents.filter(code=code).first()
    if document is None:
        raise NotFound
    return document


def _checklist(application: Application) -> dict[str, Any]:
    checklist = selectors.readiness_checklist(application)
    return {
        "ready": all(i.ok for i in checklist),
        "items": [
            {"code": i.code, "label": i.label, "ok": i.ok, "detail": i.detail} for i in checklist
        ],
    }


def _tiers(placement: Placement, references: list[list[str]]) -> list[list[Application]]:
    """A host's ranking given as tiers of application references."""
    by_reference = {str(a.reference): a for a in Application.objects.filter(call=placement.call)}
    tiers = []
    for tier in references:
        row = []
        for reference in tier:
            application = by_reference.get(str(_reference(reference)))
            if application is None:
                raise SisterCityError(
                    _("{reference} did not apply to this call.").format(reference=reference),
                    code="unknown_applicant",
                )
            row.append(application)
        tiers.append(row)
    return tiers


def _municipality(slug: str) -> Organisation:
    city = Organisation.objects.filter(slug=slug).first()
    if city is None:
        raise SisterCityError(_("Unknown municipality “{city}”.").format(city=slug), code="city")
    return city
