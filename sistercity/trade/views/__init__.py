"""Thin pages: a form, a service or selector, a page (or an XLSX, CSV or PDF of the same data)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from sistercity.core.access import access_for
from sistercity.core.errors import SisterCityError
from sistercity.core.pdf import pdf_from_html
from sistercity.core.views import (
    file_response,
    run_service,
    run_service_on_form,
    submit_form,
)
from sistercity.partnerships.models import Partnership
from sistercity.partnerships.selectors import partnership_list
from sistercity.programs.tabular.errors import ImportRejected
from sistercity.trade import forms, labels, selectors, services, tables
from sistercity.trade.choices import NEXT_STAGES, PermitKind
from sistercity.trade.models import (
    Buyer,
    Enterprise,
    Inquiry,
    Lead,
    MentoringProgramme,
    Permit,
    Product,
    TradeEvent,
)
from sistercity.trade.readiness import assess, origin_for

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _partnership(request: HttpRequest, slug: str) -> Partnership:
    """The URL's partnership for anyone with a stake in its msme pillar: its members, the
    owners of its enterprises and the people of its buyers; 404 for everyone else."""
    partnership = get_object_or_404(Partnership, slug=slug)
    user: Any = request.user
    if (
        access_for(user, partnership).can_view
        or Enterprise.objects.filter(partnership=partnership, owner_user=user).exists()
        or Buyer.objects.filter(partnership=partnership, members=user).exists()
    ):
        return partnership
    raise Http404


def _context(request: HttpRequest, partnership: Partnership, **extra: Any) -> dict[str, Any]:
    return {
        "partnership": partnership,
        "can_change": selectors.can_change_pillar(request.user, partnership),
        "my_buyers": list(
            selectors.buyer_list(user=request.user, partnership=partnership).filter(
                members=request.user
            )
        ),
        **extra,
    }


@login_required
def index(request: HttpRequest) -> HttpResponse:
    stakes = {
        *Enterprise.objects.for_user(request.user).values_list("partnership__slug", flat=True),
        *Buyer.objects.for_user(request.user).values_list("partnership__slug", flat=True),
    }
    stakes |= {p.slug for p in partnership_list(user=request.user)}
    if len(stakes) == 1:
        return redirect("trade:overview", slug=stakes.pop())
    return render(request, "trade/index.html", {"slugs": sorted(stakes)})


@login_required
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = _partnership(request, slug)
    user = request.user
    return render(
        request,
        "trade/overview.html",
        _context(
            request,
            partnership,
            enterprises=selectors.enterprise_list(user=user, partnership=partnership),
            inquiries=selectors.inquiry_list(user=user, partnership=partnership),
            buyers=selectors.buyer_list(user=user, partnership=partnership),
            events=TradeEvent.objects.for_user(user)
            .filter(partnership=partnership)
            .annotate(lead_count=Count("leads", distinct=True)),
            mentoring=MentoringProgramme.objects.for_user(user)
            .filter(partnership=partnership)
            .prefetch_related("translations"),
            leads=selectors.lead_list(user=user, partnership=partnership),
            export_tables=[
                ("products", _("Products")),
                ("permits", _("Permits and certificates")),
                ("deals", _("Leads")),
            ],
            funnel={"partnership": partnership, **selectors.funnel(partnership)}
            if selectors.can_change_pillar(user, partnership)
            else None,
        ),
    )


@login_required
def enterprise_new(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = _partnership(request, slug)
    form = forms.EnterpriseForm(request.POST or None)
    enterprise = submit_form(
        request,
        form,
        services.enterprise_create,
        _("The enterprise was registered."),
        on_form=True,
        partnership=partnership,
    )
    if enterprise:
        return redirect("trade:enterprise", slug=slug, pk=enterprise.pk)
    return render(request, "trade/enterprise_form.html", _context(request, partnership, form=form))


@login_required
def enterprise_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The owner or the MSME office corrects the registry data (the size class follows)."""
    partnership = _partnership(request, slug)
    enterprise = _enterprise(request, partnership, pk)
    form = forms.EnterpriseForm(request.POST or None, instance=enterprise)
    if submit_form(
        request,
        form,
        services.enterprise_update,
        _("The enterprise was saved."),
        on_form=True,
        enterprise=enterprise,
    ):
        return redirect("trade:enterprise", slug=slug, pk=pk)
    return render(
        request,
        "trade/enterprise_form.html",
        _context(request, partnership, form=form, enterprise=enterprise),
    )


def _enterprise(request: HttpRequest, partnership: Partnership, pk: int) -> Enterprise:
    queryset = Enterprise.objects.for_user(request.user).filter(partnership=partnership)
    return get_object_or_404(queryset, pk=pk)


def require_keeper_or_404(request: HttpRequest, enterprise: Enterprise) -> None:
    """A write on an enterprise's records: its owner and the MSME office; a buyer or an
    observer who sees the enterprise gets 404 as an outsider does."""
    if not selectors.can_see_personal(request.user, enterprise):
        raise Http404


@login_required
def enterprise_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = _partnership(request, slug)
    enterprise = _enterprise(request, partnership, pk)
    form = forms.ProductForm(request.POST or None)
    if request.method == "POST":
        require_keeper_or_404(request, enterprise)
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()
        product = run_service_on_form(
            request,
            form,
            services.product_create,
            _("The product was added."),
            enterprise=enterprise,
            name=fields["texts"]["id"]["name"],
            language="id",
            **fields,
        )
        if product:
            return redirect("trade:product", slug=slug, pk=product.pk)
    return enterprise_page(request, partnership, enterprise, form=form)


def enterprise_page(
    request: HttpRequest,
    partnership: Partnership,
    enterprise: Enterprise,
    *,
    form: Any = None,
    photo_form: Any = None,
    permit_form: Any = None,
) -> HttpResponse:
    """The enterprise's page; a form handed back with its refusals makes it a 400."""
    products = selectors.product_list(user=request.user, partnership=partnership).filter(
        enterprise=enterprise
    )
    refused = next(
        (f for f in (form, photo_form, permit_form) if f is not None and f.is_bound), None
    )
    return render(
        request,
        "trade/enterprise_detail.html",
        _context(
            request,
            partnership,
            enterprise=enterprise,
            personal=selectors.can_see_personal(request.user, enterprise),
            is_owner=enterprise.owner_user_id == request.user.pk,
            products=[(p, assess(p).score) for p in products],
            permits=selectors.permit_list(user=request.user, enterprise=enterprise),
            photos=enterprise.photos.all(),
            form=form or forms.ProductForm(),
            photo_form=photo_form or forms.EnterprisePhotoForm(),
            permit_form=permit_form or forms.PermitForm(),
            error_form=refused,
        ),
        status=400 if refused else 200,
    )


@login_required
@require_POST
def enterprise_publish(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = _partnership(request, slug)
    enterprise = _enterprise(request, partnership, pk)
    published = request.POST.get("published") == "1"
    run_service(
        request,
        services.enterprise_publish,
        _("Buyers now see the enterprise.") if published else _("Buyers no longer see it."),
        enterprise=enterprise,
        published=published,
    )
    return redirect("trade:enterprise", slug=slug, pk=pk)


@login_required
@require_POST
def permit_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = _partnership(request, slug)
    enterprise = _enterprise(request, partnership, pk)
    require_keeper_or_404(request, enterprise)
    form = forms.PermitForm(request.POST, request.FILES)
    if submit_form(
        request,
        form,
        services.permit_add,
        _("The permit was recorded."),
        on_form=True,
        enterprise=enterprise,
    ):
        return redirect("trade:enterprise", slug=slug, pk=pk)
    return enterprise_page(request, partnership, enterprise, permit_form=form)


@login_required
def enterprise_import(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = _partnership(request, slug)
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            created = tables.enterprises_import(
                actor=request.user, partnership=partnership, data=form.cleaned_data["file"].read()
            )
        except ImportRejected as rejected:
            errors = rejected.errors
            messages.error(request, str(rejected))
        except SisterCityError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("{count} enterprises were registered.").format(count=len(created))
            )
            return redirect("trade:overview", slug=slug)
    return render(
        request, "trade/import.html", _context(request, partnership, form=form, errors=errors)
    )


@login_required
def enterprise_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponseBase:
    partnership = _partnership(request, slug)
    if fmt == "template.xlsx":
        return file_response(tables.template_xlsx(), filename="enterprises.xlsx", content_type=XLSX)
    enterprises = list(selectors.enterprise_list(user=request.user, partnership=partnership))
    personal = selectors.can_change_pillar(request.user, partnership)
    if fmt == "xlsx":
        data = tables.export_xlsx(enterprises, personal=personal)
        return file_response(data, filename="enterprises.xlsx", content_type=XLSX)
    if fmt == "csv":
        data = tables.export_csv(enterprises, personal=personal)
        return file_response(data, filename="enterprises.csv", content_type="text/csv")
    raise Http404


def _product(request: HttpRequest, partnership: Partnership, pk: int) -> Any:
    product = selectors.product_detail(user=request.user, pk=pk)
    if product.enterprise.partnership_id != partnership.pk:
        raise Http404
    return product


@login_required
def product_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = _partnership(request, slug)
    product = _product(request, partnership, pk)
    form = forms.LabReportForm(request.POST or None)
    if submit_form(
        request,
        form,
        services.lab_report_add,
        _("The lab report was added."),
        on_form=True,
        product=product,
    ):
        return redirect("trade:product", slug=slug, pk=pk)
    return _product_page(request, partnership, product, form=form)


@login_required
@require_POST
def product_publish(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The owner shows the product to buyers and in the catalogue (or hides it again)."""
    partnership = _partnership(request, slug)
    product = _product(request, partnership, pk)
    published = request.POST.get("published") == "1"
    run_service(
        request,
        services.product_publish,
        _("Buyers now see the product.") if published else _("Buyers no longer see it."),
        product=product,
        published=published,
    )
    return redirect("trade:product", slug=slug, pk=pk)


@login_required
@require_POST
def product_photo_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The owner or the MSME office adds a photo; a refusal is shown beside its field."""
    partnership = _partnership(request, slug)
    product = _product(request, partnership, pk)
    require_keeper_or_404(request, product.enterprise)
    photo_form = forms.ProductPhotoForm(request.POST, request.FILES)
    if submit_form(
        request,
        photo_form,
        services.product_photo_add,
        _("The photo was added."),
        on_form=True,
        product=product,
    ):
        return redirect("trade:product", slug=slug, pk=pk)
    return _product_page(request, partnership, product, photo_form=photo_form)


@login_required
def product_photo(request: HttpRequest, slug: str, pk: int, photo: int) -> HttpResponseBase:
    """A product's photo, for whoever sees the product (shown in the page)."""
    partnership = _partnership(request, slug)
    product = _product(request, partnership, pk)
    image = get_object_or_404(product.photos.all(), pk=photo)
    return file_response(
        image.image,
        filename=(image.image.name or "photo").rsplit("/", 1)[-1],
        content_type=image.content_type,
        as_attachment=False,
    )


def _product_page(
    request: HttpRequest,
    partnership: Partnership,
    product: Any,
    *,
    form: Any = None,
    photo_form: Any = None,
    ingredients_form: Any = None,
) -> HttpResponse:
    """The product's page; a form handed back with its refusals makes it a 400."""
    keeper = selectors.can_see_personal(request.user, product.enterprise)
    refused = next(
        (f for f in (form, photo_form, ingredients_form) if f is not None and f.is_bound), None
    )
    try:
        label = labels.label_lines(product)
        label_problem = ""
    except SisterCityError as error:
        label, label_problem = None, str(error)
    return render(
        request,
        "trade/product_detail.html",
        _context(
            request,
            partnership,
            product=product,
            error_form=refused,
            assessment=assess(product),
            origin=origin_for(product),
            fob_idr=selectors.fob_in_idr(product),
            history=product.readiness.all(),
            label=label,
            label_problem=label_problem,
            keeper=keeper,
            is_owner=product.enterprise.owner_user_id == request.user.pk,
            form=form or forms.LabReportForm(),
            photo_form=photo_form or forms.ProductPhotoForm(),
            photos=product.photos.all(),
            ingredients_form=ingredients_form
            or forms.IngredientsForm(
                initial={
                    "lines": "\n".join(
                        "; ".join(
                            str(v)
                            for v in (
                                i.name,
                                i.name_ja,
                                i.share_pct,
                                i.hs_code,
                                i.origin_country,
                                "y" if i.originating else "n",
                                i.value_jpy,
                            )
                        )
                        for i in product.ingredients.all()
                    )
                }
            ),
        ),
        status=400 if refused else 200,
    )


@login_required
@require_POST
def product_assess(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = _partnership(request, slug)
    product = _product(request, partnership, pk)
    run_service(request, services.product_assess, _("The score was recorded."), product=product)
    return redirect("trade:product", slug=slug, pk=pk)


@login_required
def label_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponseBase:
    partnership = _partnership(request, slug)
    product = _product(request, partnership, pk)
    try:
        label = labels.label_lines(product)
    except SisterCityError as error:
        messages.error(request, str(error))
        return redirect("trade:product", slug=slug, pk=pk)
    html = render_to_string("trade/label_pdf.html", {"label": label, "product": product})
    return file_response(
        pdf_from_html(html), filename=f"label-{product.pk}.pdf", content_type="application/pdf"
    )


@login_required
def buyer_new(request: HttpRequest, slug: str) -> HttpResponse:
    """The MSME office registers a Japanese buyer and the person who speaks for it."""
    partnership = _partnership(request, slug)
    form = forms.BuyerForm(request.POST or None)
    if submit_form(
        request,
        form,
        services.buyer_create,
        _("The buyer was registered."),
        on_form=True,
        partnership=partnership,
    ):
        return redirect("trade:overview", slug=slug)
    return render(request, "trade/buyer_form.html", _context(request, partnership, form=form))


@login_required
def inquiry_new(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = _partnership(request, slug)
    buyers = list(selectors.buyer_list(user=request.user, partnership=partnership))
    if not buyers:
        raise Http404
    buyer = next((b for b in buyers if b.members.filter(pk=request.user.pk).exists()), buyers[0])
    form = forms.InquiryForm(request.POST or None)
    inquiry = submit_form(
        request,
        form,
        services.inquiry_create,
        _("The inquiry was posted."),
        on_form=True,
        buyer=buyer,
    )
    if inquiry:
        return redirect("trade:inquiry", slug=slug, pk=inquiry.pk)
    return render(
        request,
        "trade/inquiry_form.html",
        _context(request, partnership, form=form, buyer=buyer),
        status=400 if form.is_bound else 200,
    )


def _inquiry(request: HttpRequest, partnership: Partnership, pk: int) -> Inquiry:
    queryset = Inquiry.objects.for_user(request.user).filter(buyer__partnership=partnership)
    return get_object_or_404(queryset.distinct(), pk=pk)


@login_required
def inquiry_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = _partnership(request, slug)
    inquiry = _inquiry(request, partnership, pk)
    events = _events(request, partnership)
    if request.method == "POST":
        product = selectors.product_detail(user=request.user, pk=int(request.POST["product"]))
        chosen = request.POST.get("event") or ""
        # The fair or promotion event that brought the buyer, if one (another's is a 404).
        event = get_object_or_404(events, pk=int(chosen)) if chosen.isdigit() else None
        lead = run_service(
            request,
            services.lead_open,
            _("A sample was requested."),
            inquiry=inquiry,
            product=product,
            note=request.POST.get("note", ""),
            event=event,
        )
        if lead:
            return redirect("trade:lead", slug=slug, pk=lead.pk)
    leads = {lead.product_id: lead for lead in inquiry.leads.all()}
    return render(
        request,
        "trade/inquiry_detail.html",
        _context(
            request,
            partnership,
            inquiry=inquiry,
            ranked=selectors.matches(user=request.user, inquiry=inquiry),
            leads=leads,
            events=list(events),
        ),
    )


def _lead(request: HttpRequest, partnership: Partnership, pk: int) -> Lead:
    queryset = Lead.objects.for_user(request.user).filter(inquiry__buyer__partnership=partnership)
    return get_object_or_404(
        queryset.distinct().select_related("inquiry__buyer", "product__enterprise", "event"),
        pk=pk,
    )


LEAD_FORMS: dict[str, tuple[str, Any, Any, Any]] = {
    # action: (the page's name of the form, form, service, success message)
    "stage": (
        "stage_form",
        forms.StageForm,
        services.lead_advance,
        _lazy("The stage was changed."),
    ),
    "order": (
        "order_form",
        forms.OrderForm,
        services.order_record,
        _lazy("The order was recorded."),
    ),
    "message": (
        "message_form",
        forms.MessageForm,
        services.message_send,
        _lazy("The message was sent."),
    ),
    "event": (
        "event_form",
        forms.LeadEventForm,
        services.lead_set_event,
        _lazy("The event was saved."),
    ),
}


@login_required
def lead_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = _partnership(request, slug)
    lead = _lead(request, partnership, pk)
    action = request.POST.get("action", "")
    refused: dict[str, Any] = {}
    if request.method == "POST" and action in LEAD_FORMS:
        name, form_class, service, success = LEAD_FORMS[action]
        kwargs = {"events": _events(request, partnership)} if action == "event" else {}
        form = form_class(request.POST, **kwargs)
        if submit_form(request, form, service, success, on_form=True, lead=lead):
            return redirect("trade:lead", slug=slug, pk=pk)
        refused[name] = form
    events = _events(request, partnership)
    return render(
        request,
        "trade/lead_detail.html",
        _context(
            request,
            partnership,
            lead=lead,
            next_stages=[s for s in NEXT_STAGES.get(lead.stage, ()) if "order" not in s],
            messages_list=selectors.lead_messages(user=request.user, lead=lead),
            orders=lead.orders.all(),
            has_events=events.exists(),
            error_form=next(iter(refused.values()), None),
            **{
                "stage_form": forms.StageForm(),
                "order_form": forms.OrderForm(),
                "message_form": forms.MessageForm(initial={"language": request.LANGUAGE_CODE}),
                "event_form": forms.LeadEventForm(initial={"event": lead.event_id}, events=events),
                **refused,
            },
        ),
        status=400 if refused else 200,
    )


def _events(request: HttpRequest, partnership: Partnership) -> Any:
    """The partnership's trade events a lead may name (every party of a lead may see them)."""
    return TradeEvent.objects.filter(partnership=partnership).order_by("-held_on", "pk")


def catalogue(request: HttpRequest, slug: str) -> HttpResponse:
    """The public catalogue of a public partnership's published products (no login)."""
    partnership = get_object_or_404(Partnership, slug=slug, is_public=True)
    filters = {
        "hs_chapter": request.GET.get("hs_chapter", "").strip()[:2],
        "certification": request.GET.get("certification", "").strip(),
        "kecamatan": request.GET.get("kecamatan", "").strip()[:100],
    }
    buyer = None
    if request.user.is_authenticated:
        buyer = Buyer.objects.filter(partnership=partnership, members=request.user).first()
    failed: Any = None  # the row's form a refusal is shown on, beside its fields
    if request.method == "POST" and buyer is not None:
        product = get_object_or_404(
            Product.objects.for_user(request.user), pk=request.POST.get("product") or 0
        )
        form = _contact_form(product, request.POST)
        lead = submit_form(
            request,
            form,
            services.catalogue_contact,
            _("Your inquiry was sent."),
            on_form=True,
            buyer=buyer,
            product=product,
        )
        if lead:
            return redirect("trade:lead", slug=slug, pk=lead.pk)
        failed = form
    rows = [
        (product, score, certs, _row_form(product, failed) if buyer else None)
        for product, score, certs in selectors.public_catalogue(partnership, **filters)
    ]
    kecamatans = sorted(
        set(
            Enterprise.objects.filter(partnership=partnership, is_published=True).values_list(
                "kecamatan", flat=True
            )
        )
    )
    return render(
        request,
        "trade/catalogue.html",
        {
            "partnership": partnership,
            "rows": rows,
            "filters": filters,
            "kecamatans": kecamatans,
            "certifications": PermitKind.choices,
            "buyer": buyer,
            "error_form": failed,
        },
        status=400 if failed is not None else 200,
    )


def _contact_form(product: Any, data: Any = None) -> forms.ContactForm:
    # One form per row: ids carry the product so labels and the error summary's links point
    # at the right row's fields.
    return forms.ContactForm(data, auto_id=f"id_p{product.pk}_%s", product_pk=product.pk)


def _row_form(product: Any, failed: Any) -> forms.ContactForm:
    if failed is not None and failed.product_pk == product.pk:
        return failed
    return _contact_form(product)


@login_required
def table_export(request: HttpRequest, slug: str, table: str, fmt: str) -> HttpResponseBase:
    """Products, permits or deals the user sees, as XLSX or CSV."""
    partnership = _partnership(request, slug)
    if table not in tables.TABLES or fmt not in ("xlsx", "csv"):
        raise Http404
    user = request.user
    records: Any
    if table == "products":
        records = selectors.product_list(user=user, partnership=partnership)
    elif table == "permits":
        records = (
            Permit.objects.for_user(user)
            .filter(enterprise__partnership=partnership)
            .select_related("enterprise")
            .prefetch_related("products")
        )
    else:
        records = selectors.lead_list(user=user, partnership=partnership)
    data = tables.export_table(table, list(records), fmt)
    content_type = XLSX if fmt == "xlsx" else "text/csv"
    return file_response(data, filename=f"{table}.{fmt}", content_type=content_type)


@login_required
@require_POST
def ingredients_set(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = _partnership(request, slug)
    product = _product(request, partnership, pk)
    form = forms.IngredientsForm(request.POST)
    if form.is_valid() and run_service_on_form(
        request,
        form,
        services.product_set_ingredients,
        _("The ingredients were saved."),
        product=product,
        ingredients=form.rows(),
    ):
        return redirect("trade:product", slug=slug, pk=pk)
    return _product_page(request, partnership, product, ingredients_form=form)


@login_required
@require_POST
def permit_verify(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = _partnership(request, slug)
    permit = get_object_or_404(
        Permit.objects.for_user(request.user).filter(enterprise__partnership=partnership), pk=pk
    )
    run_service(request, services.permit_verify, _("The permit was verified."), permit=permit)
    return redirect("trade:enterprise", slug=slug, pk=permit.enterprise_id)
