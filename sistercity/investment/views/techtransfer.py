"""Technology-transfer projects: the list, and a project's milestones, trainees and outputs."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy

from sistercity.core.views import file_response, partnership_for, run_service
from sistercity.investment import forms, selectors, services
from sistercity.investment.models import Milestone, Trainee
from sistercity.investment.views.common import PageForm, forms_context, handle_post, tabs_context

PROJECT_FORMS = {
    "milestone": PageForm(
        forms.MilestoneForm, services.milestone_add, gettext_lazy("The milestone was added.")
    ),
    "trainee": PageForm(
        forms.TraineeForm, services.trainee_add, gettext_lazy("The trainee was added.")
    ),
    "output": PageForm(
        forms.OutputForm, services.output_record, gettext_lazy("The output was recorded.")
    ),
    "document": PageForm(
        forms.TechDocumentForm,
        services.techdocument_attach,
        gettext_lazy("The document was attached."),
    ),
}


@login_required
def project_list(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    return render(
        request,
        "investment/tech_list.html",
        {
            **tabs_context(request, partnership, "tech"),
            "projects": selectors.tech_projects(user=request.user, partnership=partnership),
        },
    )


@login_required
def project_detail(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    partnership = partnership_for(request, slug)
    project = get_object_or_404(
        selectors.tech_projects(user=request.user, partnership=partnership), code=code
    )
    context = tabs_context(request, partnership, "tech")
    if request.method == "POST":
        if request.POST.get("form") == "done":
            milestone = get_object_or_404(
                Milestone.objects.for_user(request.user).filter(project=project),
                pk=request.POST.get("milestone"),
            )
            run_service(
                request,
                services.milestone_done,
                gettext_lazy("The milestone is done."),
                milestone=milestone,
            )
            return redirect("investment:tech_project", slug=slug, code=code)
        with_language = request.POST.get("form") in ("milestone", "output")
        extra = {"language": request.LANGUAGE_CODE} if with_language else {}
        if handle_post(request, partnership, PROJECT_FORMS, project=project, **extra):
            return redirect("investment:tech_project", slug=slug, code=code)
    return render(
        request,
        "investment/tech_detail.html",
        {
            **context,
            "project": project,
            "milestones": project.milestones.prefetch_related("translations"),
            # Trainees are personal data: the pipeline's people only (their own queryset).
            "trainees": Trainee.objects.for_user(request.user)
            .filter(project=project)
            .select_related("organisation"),
            "trainee_count": project.trainees.count(),
            "outputs": project.outputs.prefetch_related("translations"),
            "documents": project.documents.all(),
            **forms_context(request, partnership, PROJECT_FORMS, context["can_edit"]),
        },
    )


@login_required
def project_document(request: HttpRequest, slug: str, code: str, pk: int) -> HttpResponseBase:
    partnership = partnership_for(request, slug)
    project = get_object_or_404(
        selectors.tech_projects(user=request.user, partnership=partnership), code=code
    )
    document = get_object_or_404(project.documents.all(), pk=pk)
    return file_response(
        document.file, filename=document.original_name, content_type=document.content_type
    )
