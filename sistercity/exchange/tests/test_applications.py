"""Applicants: registration with e-mail verification, drafts, uploads, submission against the
server's clock and the call's eligibility rules, withdrawal, and an e-mail for every status."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone, translation

from sistercity.core.errors import SisterCityError
from sistercity.exchange import services
from sistercity.exchange.choices import LanguageLevel, Status
from sistercity.exchange.models import ApplicantProfile, Application
from sistercity.exchange.tests.conftest import fill, make_applicant, submitted
from sistercity.testing import db_snapshot, pdf_upload

pytestmark = pytest.mark.django_db

APPS = ("accounts", "exchange", "auditlog")


def test_registration_sends_a_verification_link_that_unlocks_submission(call, client):
    user = services.applicant_register(
        email="Ayu@Student.example",
        full_name="Ayu Lestari",
        password="a-long-pass-phrase-42",
        preferred_language="ja",
    )
    assert user.email == "ayu@student.example"
    message = mail.outbox[-1]
    assert message.to == ["ayu@student.example"]
    link = re.search(r"(/ja/calls/verify/\S+/)", message.body).group(1)

    application = services.application_start(actor=user, call=call)
    fill(application)
    before = db_snapshot(*APPS)
    with pytest.raises(SisterCityError) as refused:
        services.application_submit(actor=user, application=application)
    assert refused.value.code == "unverified"
    assert db_snapshot(*APPS) == before

    response = client.get(link)
    assert response.status_code == 302
    assert ApplicantProfile.objects.get(user=user).is_verified
    services.application_submit(actor=user, application=application)
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED


def test_a_forged_verification_link_is_refused(call, client, dewi):
    user = make_applicant("eko@student.example", verified=False)
    token = services.verification_token(user)
    with pytest.raises(SisterCityError) as refused:
        services.applicant_verify_email(token=token[:-2] + "xx")
    assert refused.value.code == "token_invalid"
    assert not ApplicantProfile.objects.get(user=user).is_verified


def test_registration_with_a_taken_address_creates_nothing_and_tells_its_owner(dewi):
    before = db_snapshot(*APPS)
    result = services.applicant_register(
        email="Dewi@Student.example",
        full_name="X",
        password="a-long-pass-42",
        preferred_language="ja",
    )
    assert result is None
    assert db_snapshot(*APPS) == before
    [message] = mail.outbox
    assert message.to == [dewi.email]
    assert "/password/reset/" in message.body


def test_registration_refuses_a_weak_password(dewi):
    before = db_snapshot(*APPS)
    for email in ("new@student.example", dewi.email):
        with pytest.raises(SisterCityError) as refused:
            services.applicant_register(
                email=email, full_name="X", password="123", preferred_language="id"
            )
        assert refused.value.code == "password"
    assert db_snapshot(*APPS) == before and mail.outbox == []


def test_dewi_submits_and_is_told_in_indonesian(call, dewi, rina):
    application = submitted(call, dewi)
    assert application.status == Status.SUBMITTED and application.submitted_at
    # The whole panel is assigned.
    assert list(application.assignments.values_list("reviewer__email", flat=True)) == [
        "rina@batang.example"
    ]
    message = mail.outbox[-1]
    assert message.to == ["dewi@student.example"]
    assert "Magang di Toyama 2026" in message.subject  # the call title in Indonesian
    assert application.status_changes.get().to_status == Status.SUBMITTED


def test_a_japanese_applicant_is_told_in_japanese(call):
    user = make_applicant("haruka@student.example", "佐藤 遥", language="ja")
    submitted(call, user)
    message = mail.outbox[-1]
    assert "富山インターンシップ 2026" in message.subject
    assert "富山インターンシップ 2026" in message.body


def test_late_submission_is_refused_and_changes_nothing(call, dewi, dewi_draft):
    fill(dewi_draft)
    call.closes_at = timezone.now() - dt.timedelta(minutes=1)
    call.save()
    before = db_snapshot(*APPS)
    outbox = len(mail.outbox)
    with pytest.raises(SisterCityError) as refused:
        services.application_submit(actor=dewi, application=dewi_draft)
    assert refused.value.code == "closed"
    assert db_snapshot(*APPS) == before and len(mail.outbox) == outbox
    dewi_draft.refresh_from_db()
    assert dewi_draft.status == Status.DRAFT


def test_a_call_not_yet_open_takes_no_drafts(call, dewi):
    call.opens_at = timezone.now() + dt.timedelta(days=1)
    call.save()
    before = db_snapshot(*APPS)
    with pytest.raises(SisterCityError) as refused:
        services.application_start(actor=dewi, call=call)
    assert refused.value.code == "not_open"
    assert db_snapshot(*APPS) == before


def test_edits_after_submission_are_refused(call, dewi):
    application = submitted(call, dewi)
    before = db_snapshot(*APPS)
    with pytest.raises(SisterCityError) as refused:
        services.application_update(actor=dewi, application=application, motivation="Changed")
    assert refused.value.code == "not_draft"
    with pytest.raises(SisterCityError) as refused:
        services.application_upload(
            actor=dewi,
            application=application,
            file=pdf_upload("late.pdf"),
            required_document=call.required_documents.get(),
        )
    assert refused.value.code == "not_draft"
    assert db_snapshot(*APPS) == before
    application.refresh_from_db()
    assert application.motivation == "Belajar pengelolaan sampah."


def test_oversized_file_is_refused(call, dewi, dewi_draft, settings):
    settings.DOCUMENT_MAX_BYTES = 50
    before = db_snapshot(*APPS)
    with pytest.raises(SisterCityError) as refused:
        services.application_upload(
            actor=dewi,
            application=dewi_draft,
            file=pdf_upload("cv.pdf"),
            required_document=call.required_documents.get(),
        )
    assert refused.value.code == "file_too_large"
    assert db_snapshot(*APPS) == before


@pytest.mark.parametrize(
    "overrides, expected",
    [
        ({"date_of_birth": dt.date(2015, 1, 1)}, "at least 18"),
        ({"date_of_birth": dt.date(1980, 1, 1)}, "at most 30"),
        ({"language_level": LanguageLevel.NONE}, "N5"),
        ({"residence": None}, "Batang"),
    ],
)
def test_eligibility_rules_are_checked_at_submission(call, dewi, dewi_draft, overrides, expected):
    fill(dewi_draft, **overrides)
    before = db_snapshot(*APPS)
    with translation.override("en"), pytest.raises(SisterCityError) as refused:
        services.application_submit(actor=dewi, application=dewi_draft)
    assert refused.value.code == "ineligible"
    with translation.override("en"):
        assert expected in str(refused.value)
    assert db_snapshot(*APPS) == before


def test_enrolment_and_field_of_study_rules(call, dewi, dewi_draft):
    call.requires_enrolment = True
    call.fields_of_study = ["engineering"]
    call.save()
    fill(dewi_draft, is_enrolled=False, institution="")
    with translation.override("en"), pytest.raises(SisterCityError) as refused:
        services.application_submit(actor=dewi, application=dewi_draft)
    with translation.override("en"):
        message = str(refused.value)
    assert "enrolled" in message and "engineering" in message


def test_required_document_and_answers_are_needed(call, dewi, dewi_draft):
    services.application_update(
        actor=dewi,
        application=dewi_draft,
        date_of_birth=dt.date(2003, 1, 1),
        residence=call.residence,
        language_level=LanguageLevel.N5,
        preferences=[call.placements.first()],
    )
    with translation.override("en"), pytest.raises(SisterCityError) as refused:
        services.application_submit(actor=dewi, application=dewi_draft)
    with translation.override("en"):
        message = str(refused.value)
    assert "Curriculum vitae" in message and "What do you want to learn" in message


def test_preferences_naming_unknown_or_repeated_placements_are_refused(
    call, dewi, dewi_draft, other_partnership
):
    recycling = call.placements.get(code="recycling")
    before = db_snapshot(*APPS)
    with pytest.raises(SisterCityError) as refused:
        services.application_update(
            actor=dewi, application=dewi_draft, preferences=[recycling, recycling]
        )
    assert refused.value.code == "duplicate_preference"
    with pytest.raises(SisterCityError) as refused:
        services.application_update(
            actor=dewi, application=dewi_draft, preferences=[recycling.pk, 999999]
        )
    assert refused.value.code == "unknown_placement"
    assert db_snapshot(*APPS) == before


def test_one_application_per_call(call, dewi, dewi_draft):
    before = db_snapshot(*APPS)
    with pytest.raises(SisterCityError) as refused:
        services.application_start(actor=dewi, call=call)
    assert refused.value.code == "duplicate_application"
    assert db_snapshot(*APPS) == before


def test_withdrawal_is_mailed(call, dewi):
    application = submitted(call, dewi)
    services.application_withdraw(actor=dewi, application=application, note="Ujian")
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN
    with translation.override("id"):
        assert str(Status.WITHDRAWN.label) in mail.outbox[-1].body
    with pytest.raises(SisterCityError):
        services.application_withdraw(actor=dewi, application=application)


def test_only_the_applicant_acts_on_her_application(call, dewi, dewi_draft, sari, rina, otto):
    from django.http import Http404

    for other in (rina, otto):
        with pytest.raises(Http404):
            services.application_update(actor=other, application=dewi_draft, motivation="x")
    with pytest.raises(SisterCityError) as refused:
        services.application_submit(actor=sari, application=dewi_draft)
    assert refused.value.status == 403


def test_applicants_see_only_their_own_applications(call, dewi):
    mine = submitted(call, dewi)
    other = submitted(call, make_applicant("ayu@student.example"))
    assert list(Application.objects.for_user(dewi)) == [mine]
    assert other not in Application.objects.for_user(dewi)
