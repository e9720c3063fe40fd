from typing import cast

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sistercity.accounts.choices import MUNICIPAL_KINDS
from sistercity.accounts.models import Organisation, User
from sistercity.core.models import Pillar
from sistercity.core.validators import validate_no_markup
from sistercity.exchange import selectors
from sistercity.exchange.choices import (
    PANEL_DECISIONS,
    CallType,
    Direction,
    EvidenceKind,
    FieldOfStudy,
    Gender,
    HostKind,
    LanguageLevel,
    Status,
    VisaType,
)
from sistercity.exchange.models import HostOrganisation, Placement

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _model_choice(form: forms.Form, name: str) -> forms.ModelChoiceField:
    """A model-choice field of ``form``, whose queryset depends on the call or the user."""
    return cast(forms.ModelChoiceField, form.fields[name])


def _municipalities():
    return Organisation.objects.filter(kind__in=MUNICIPAL_KINDS).prefetch_related("translations")


class RegisterForm(forms.Form):
    full_name = forms.CharField(
        label=_("Full name"), max_length=200, validators=[validate_no_markup]
    )
    email = forms.EmailField(label=_("E-mail address"))
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput)
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=settings.LANGUAGES
    )


class ApplicationForm(forms.Form):
    """A draft's personal facts, answers (one field per question) and placement ranking."""

    date_of_birth = forms.DateField(label=_("Date of birth"), required=False, widget=DATE)
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices)
    phone = forms.CharField(
        label=_("Phone"), max_length=40, required=False, validators=[validate_no_markup]
    )
    residence = forms.ModelChoiceField(
        label=_("Place of residence"), queryset=_municipalities(), required=False
    )
    is_enrolled = forms.BooleanField(
        label=_("I am enrolled in a school or university"), required=False
    )
    institution = forms.CharField(
        label=_("School, university or employer"),
        max_length=200,
        required=False,
        validators=[validate_no_markup],
    )
    field_of_study = forms.ChoiceField(
        label=_("Field of study"), choices=[("", "—"), *FieldOfStudy.choices], required=False
    )
    language_level = forms.ChoiceField(label=_("Japanese level"), choices=LanguageLevel.choices)
    motivation = forms.CharField(
        label=_("Motivation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[validate_no_markup],
    )

    def __init__(self, *args, call, questions, placements, **kwargs):
        super().__init__(*args, **kwargs)
        from sistercity.core.templatetags.sistercity import tr

        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"q_{question.pk}"] = forms.CharField(
                label=tr(question, "text", plain=True),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                validators=[validate_no_markup],
            )
        choices = [("", "—")] + [
            (str(p.pk), f"{tr(p, 'title', plain=True)} · {tr(p.host, 'name', plain=True)}")
            for p in placements
        ]
        self.preference_count = min(len(placements), 5)
        for index in range(1, self.preference_count + 1):
            self.fields[f"choice_{index}"] = forms.ChoiceField(
                label=_("Placement choice {number}").format(number=index),
                choices=choices,
                required=False,
            )

    def clean(self) -> dict:
        """A placement chosen twice is marked at the later choice (the service refuses it too,
        without knowing which input held it)."""
        data = super().clean() or {}
        seen: set[str] = set()
        for index in range(1, self.preference_count + 1):
            value = data.get(f"choice_{index}")
            if value and value in seen:
                self.add_error(f"choice_{index}", _("This placement is already chosen above."))
            seen.add(value or "")
        return data

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        answers = {str(q.pk): data.pop(f"q_{q.pk}", "") for q in self.questions}
        preferences = []
        for index in range(1, self.preference_count + 1):
            value = data.pop(f"choice_{index}", "")
            if value:
                preferences.append(int(value))
        return {**data, "answers": answers, "preferences": preferences}


class UploadForm(forms.Form):
    required_document = forms.IntegerField(widget=forms.HiddenInput, required=False)
    evidence = forms.ChoiceField(choices=[("", "—"), *EvidenceKind.choices], required=False)
    file = forms.FileField(label=_("File"))


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[validate_no_markup],
    )


class DecisionForm(NoteForm):
    status = forms.ChoiceField(
        label=_("Decision"), choices=[(s, Status(s).label) for s in PANEL_DECISIONS]
    )


class AssignForm(forms.Form):
    reviewer = forms.IntegerField(widget=forms.HiddenInput)


class ConflictForm(forms.Form):
    note = forms.CharField(
        label=_("What is the conflict of interest?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[validate_no_markup],
    )


class ScoreForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_no_markup],
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        from sistercity.core.templatetags.sistercity import tr

        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"c_{criterion.code}"] = forms.IntegerField(
                label=_("{criterion} (0–{max}, weight {weight})").format(
                    criterion=tr(criterion, "name", plain=True),
                    max=criterion.max_score,
                    weight=criterion.weight.normalize(),
                ),
                # The range is checked by the service, with its own message.
            )

    def scores(self) -> dict[str, int]:
        return {c.code: self.cleaned_data[f"c_{c.code}"] for c in self.criteria}


class RunForm(forms.Form):
    seed = forms.CharField(
        label=_("Lottery seed"),
        max_length=64,
        required=False,
        validators=[validate_no_markup],
        help_text=_("Leave empty to use the call's published seed (drawn at the first run)."),
    )
    max_per_institution = forms.IntegerField(
        label=_("At most this many from one school (optional)"), required=False
    )
    max_gender_share = forms.DecimalField(
        label=_("Largest share of one gender, e.g. 0.6 (optional)"),
        required=False,
        max_digits=3,
        decimal_places=2,
    )


class RankingForm(forms.Form):
    """One tier number per applicant; empty = not acceptable to the host."""

    def __init__(self, *args, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.applications = list(applications)
        for application in self.applications:
            self.fields[f"a_{application.pk}"] = forms.IntegerField(
                label=application.short_reference, required=False, min_value=1
            )

    def tiers(self):
        grouped: dict[int, list] = {}
        for application in self.applications:
            tier = self.cleaned_data.get(f"a_{application.pk}")
            if tier:
                grouped.setdefault(tier, []).append(application)
        return [grouped[k] for k in sorted(grouped)]


class ReadinessForm(forms.Form):
    passport_expires_on = forms.DateField(
        label=_("Passport valid until"), required=False, widget=DATE
    )
    visa_type = forms.ChoiceField(
        label=_("Visa type"), choices=[("", "—"), *VisaType.choices], required=False
    )
    insurance_provider = forms.CharField(
        label=_("Insurance provider"),
        max_length=200,
        required=False,
        validators=[validate_no_markup],
    )
    insurance_valid_until = forms.DateField(
        label=_("Insurance valid until"), required=False, widget=DATE
    )
    emergency_contact_name = forms.CharField(
        label=_("Emergency contact"),
        max_length=200,
        required=False,
        validators=[validate_no_markup],
    )
    emergency_contact_phone = forms.CharField(
        label=_("Emergency contact phone"),
        max_length=40,
        required=False,
        validators=[validate_no_markup],
    )
    departure_on = forms.DateField(label=_("Departure"), required=False, widget=DATE)
    return_on = forms.DateField(
        label=pgettext_lazy("travel date", "Return"), required=False, widget=DATE
    )


class OrientationForm(forms.Form):
    attended_on = forms.DateField(label=_("Orientation attended on"), widget=DATE)


class ReportForm(forms.Form):
    text = forms.CharField(
        label=_("Your report"),
        widget=forms.Textarea(attrs={"rows": 6}),
        validators=[validate_no_markup],
    )


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Host's rating"), choices=[(i, str(i)) for i in range(1, 6)], coerce=int
    )
    text = forms.CharField(
        label=_("Host's feedback"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_no_markup],
    )


class AlumniForm(forms.Form):
    listed = forms.BooleanField(label=_("List me as alumni"), required=False)


class CallForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, validators=[validate_no_markup])
    slug = forms.SlugField(label=_("Short name (for the address)"), max_length=50)
    pillar = forms.ModelChoiceField(
        label=_("Pillar"), queryset=Pillar.objects.prefetch_related("translations")
    )
    call_type = forms.ChoiceField(label=_("Type"), choices=CallType.choices)
    direction = forms.ChoiceField(label=_("Direction"), choices=Direction.choices)
    time_zone = forms.ChoiceField(
        label=_("Time zone of the call"), choices=[(z, z) for z in settings.USER_TIME_ZONES]
    )
    opens_at = forms.DateTimeField(label=_("Opens (in the call's time zone)"), widget=DATETIME)
    closes_at = forms.DateTimeField(label=_("Closes (in the call's time zone)"), widget=DATETIME)
    quota = forms.IntegerField(label=_("Quota"))
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[validate_no_markup],
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[validate_no_markup],
    )
    programme_starts_on = forms.DateField(label=_("Programme starts"), required=False, widget=DATE)
    programme_ends_on = forms.DateField(
        label=_("Programme ends (return)"), required=False, widget=DATE
    )
    min_age = forms.IntegerField(label=_("Minimum age"), required=False, min_value=0)
    max_age = forms.IntegerField(label=_("Maximum age"), required=False, min_value=0)
    requires_enrolment = forms.BooleanField(
        label=_("Enrolment in a school required"), required=False
    )
    fields_of_study = forms.MultipleChoiceField(
        label=_("Fields of study (none: all)"),
        choices=FieldOfStudy.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    min_language_level = forms.ChoiceField(
        label=_("Minimum Japanese level"), choices=LanguageLevel.choices
    )
    residence = forms.ModelChoiceField(
        label=_("Applicants must live in"), queryset=_municipalities(), required=False
    )
    blind_review = forms.BooleanField(label=_("Blind review"), required=False)

    def __init__(self, *args, partnership=None, **kwargs):
        super().__init__(*args, **kwargs)
        if partnership is not None:
            _model_choice(self, "pillar").queryset = partnership.pillars.prefetch_related(
                "translations"
            )


# --------------------------------------------------------------------------------------
# Setting up a call: hosts, placements, questions, documents, rubric and panel
# --------------------------------------------------------------------------------------


class SetupForm(forms.Form):
    """A small form of the call's set-up section. ``service_kwargs`` gives what the service
    takes; texts are written in the language of the request."""

    def __init__(self, *args, call, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.user = user

    def service_kwargs(self, language: str) -> dict:
        return dict(self.cleaned_data)


class HostForm(SetupForm):
    prefix = "host"

    name = forms.CharField(label=_("Name"), max_length=200, validators=[validate_no_markup])
    slug = forms.SlugField(label=_("Short name"), max_length=50)
    kind = forms.ChoiceField(label=_("Kind"), choices=HostKind.choices)
    city: "forms.ModelChoiceField[Organisation]" = forms.ModelChoiceField(
        label=_("City"), queryset=Organisation.objects.none()
    )
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[validate_no_markup],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _model_choice(
            self, "city"
        ).queryset = self.call.partnership.municipalities.prefetch_related("translations")

    def service_kwargs(self, language):
        return {**self.cleaned_data, "partnership": self.call.partnership, "language": language}


class PlacementForm(SetupForm):
    prefix = "placement"

    host: "forms.ModelChoiceField[HostOrganisation]" = forms.ModelChoiceField(
        label=_("Host"), queryset=HostOrganisation.objects.none()
    )
    code = forms.SlugField(label=_("Code"), max_length=50)
    title = forms.CharField(label=_("Title"), max_length=200, validators=[validate_no_markup])
    # The range (not negative, within the call's quota) is checked by the service.
    capacity = forms.IntegerField(label=_("Places"))
    field_of_study = forms.ChoiceField(
        label=_("Field of study"), choices=[("", "—"), *FieldOfStudy.choices], required=False
    )
    starts_on = forms.DateField(label=_("Starts"), required=False, widget=DATE)
    ends_on = forms.DateField(label=_("Ends"), required=False, widget=DATE)
    requirements = forms.CharField(
        label=_("Requirements"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[validate_no_markup],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _model_choice(self, "host").queryset = (
            HostOrganisation.objects.for_user(self.user)
            .filter(partnership=self.call.partnership)
            .prefetch_related("translations")
        )

    def service_kwargs(self, language):
        return {**self.cleaned_data, "call": self.call, "language": language}


class PlacesForm(SetupForm):
    prefix = "places"

    placement: "forms.ModelChoiceField[Placement]" = forms.ModelChoiceField(
        label=_("Placement"), queryset=Placement.objects.none()
    )
    capacity = forms.IntegerField(label=_("Places"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _model_choice(self, "placement").queryset = self.call.placements.prefetch_related(
            "translations"
        )


class QuestionForm(SetupForm):
    prefix = "question"

    text = forms.CharField(label=_("Question"), max_length=300, validators=[validate_no_markup])
    is_required = forms.BooleanField(label=_("An answer is required"), required=False, initial=True)

    def service_kwargs(self, language):
        return {
            "call": self.call,
            "texts": {language: self.cleaned_data["text"]},
            "is_required": self.cleaned_data["is_required"],
        }


class DocumentForm(SetupForm):
    prefix = "document"

    label = forms.CharField(label=_("Document"), max_length=200, validators=[validate_no_markup])
    code = forms.SlugField(label=_("Code"), max_length=50)

    def service_kwargs(self, language):
        return {
            "call": self.call,
            "code": self.cleaned_data["code"],
            "texts": {language: self.cleaned_data["label"]},
        }


class CriterionForm(SetupForm):
    prefix = "criterion"

    name = forms.CharField(label=_("Criterion"), max_length=200, validators=[validate_no_markup])
    code = forms.SlugField(label=_("Code"), max_length=50)
    # Above zero: checked by the service, with its own message.
    weight = forms.DecimalField(label=_("Weight"), max_digits=5, decimal_places=2, initial=1)
    max_score = forms.IntegerField(label=_("Maximum score"), initial=10)

    def service_kwargs(self, language):
        data = self.cleaned_data
        return {
            "call": self.call,
            "code": data["code"],
            "texts": {language: data["name"]},
            "weight": data["weight"],
            "max_score": data["max_score"],
        }


class ReviewerField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.full_name} <{obj.email}>" if obj.full_name else obj.email


class PanelForm(SetupForm):
    prefix = "panel"

    reviewer = ReviewerField(label=_("Reviewer"), queryset=User.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _model_choice(self, "reviewer").queryset = selectors.panel_candidates(self.call)

    def service_kwargs(self, language):
        return {"call": self.call, "reviewer": self.cleaned_data["reviewer"]}
