"""Exchange fixtures: the demo call and applicants who have done what a story needs."""

import datetime as dt

import pytest

from sistercity.accounts.models import User
from sistercity.exchange import services
from sistercity.exchange.choices import LanguageLevel, Status
from sistercity.exchange.demo import CALL_SLUG
from sistercity.exchange.models import ApplicantProfile, Call
from sistercity.testing import pdf_upload


@pytest.fixture
def call(demo) -> Call:
    return Call.objects.get(slug=CALL_SLUG)


def make_applicant(email, name="Applicant", language="id", verified=True) -> User:
    user = User.objects.create_user(email, "pw", full_name=name, preferred_language=language)
    ApplicantProfile.objects.create(
        user=user, email_verified_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC) if verified else None
    )
    return user


def fill(application, *, choices=("recycling",), **overrides):
    """Give a draft everything the demo call asks for."""
    call = application.call
    fields = {
        "date_of_birth": dt.date(2003, 5, 17),
        "gender": "female",
        "residence": call.residence,
        "is_enrolled": True,
        "institution": "SMK Negeri 1 Batang",
        "field_of_study": "environment",
        "language_level": LanguageLevel.N4,
        "motivation": "Belajar pengelolaan sampah.",
    }
    fields.update(overrides)
    services.application_update(
        actor=application.applicant,
        application=application,
        answers={str(q.pk): "Daur ulang" for q in call.questions.all()},
        preferences=[call.placements.get(code=c) for c in choices],
        **fields,
    )
    services.application_upload(
        actor=application.applicant,
        application=application,
        file=pdf_upload("cv.pdf"),
        required_document=call.required_documents.get(code="cv"),
    )
    application.refresh_from_db()
    return application


def submitted(call, user, **kwargs):
    application = services.application_start(actor=user, call=call)
    fill(application, **kwargs)
    services.application_submit(actor=user, application=application)
    application.refresh_from_db()
    return application


def shortlisted(call, sari, rina, user, score=7, **kwargs):
    application = submitted(call, user, **kwargs)
    services.review_submit(
        actor=rina,
        application=application,
        scores={c.code: score for c in call.criteria.all()},
    )
    services.application_decide(actor=sari, application=application, status=Status.SHORTLISTED)
    application.refresh_from_db()
    return application


@pytest.fixture
def dewi_draft(call, dewi):
    return services.application_start(actor=dewi, call=call)
