"""Seeding of the catalogue every installation starts with (see lifecycle_data.py).

Used by migration 0002 with its historical models, and by the demo loader when the tables are
empty (a test database flushed by a transactional test). It only calls ``apps.get_model`` so
that both registries work.
"""

from django.apps import apps as django_apps

from sistercity.partnerships.lifecycle_data import DOCUMENT_TYPES, PILLARS, TRACKS

LANGS = ("id", "ja", "en")


def _pillar_app(apps) -> str:
    # The seeding migration runs before Pillar moved to core (partnerships 0003); the live
    # registry and later states have it in core.
    try:
        apps.get_model("partnerships", "Pillar")
    except LookupError:
        return "core"
    return "partnerships"


def _translate(apps, model_name, master, **fields_by_language):
    app = _pillar_app(apps) if model_name == "Pillar" else "partnerships"
    translation = apps.get_model(app, f"{model_name}Translation")
    for index, code in enumerate(LANGS):
        values = {field: texts[index] for field, texts in fields_by_language.items()}
        translation.objects.update_or_create(master=master, language_code=code, defaults=values)


def seed_catalogue(apps=django_apps) -> None:
    """Create or update the catalogue. ``apps`` is the migration's historical registry when
    called from the seeding migration, the live one otherwise."""
    Pillar = apps.get_model(_pillar_app(apps), "Pillar")
    for position, (code, dac, names) in enumerate(PILLARS, start=1):
        pillar, _ = Pillar.objects.update_or_create(
            code=code, defaults={"position": position, "dac_sector_code": dac}
        )
        _translate(apps, "Pillar", pillar, name=names)
    seed_tracks(apps, document_types=DOCUMENT_TYPES, tracks=TRACKS)


def seed_tracks(
    apps=django_apps, *, document_types, tracks, subject: str | None = None, first_position=1
) -> None:
    """Create or update document types and tracks given as data in the shape of
    ``lifecycle_data`` — this app's agreement tracks, or another app's procedure of its own
    ``subject`` (seeded by that app's migration). ``subject=None`` leaves the field's default,
    so the seeding migration that predates the field still runs."""
    DocumentType = apps.get_model("partnerships", "DocumentType")
    Track = apps.get_model("partnerships", "Track")
    Stage = apps.get_model("partnerships", "Stage")
    Requirement = apps.get_model("partnerships", "StageRequirement")
    of_subject = {} if subject is None else {"subject": subject}

    doc_types = {}
    for position, (code, names) in enumerate(document_types, start=first_position):
        doc_type, _ = DocumentType.objects.update_or_create(
            code=code, defaults={"position": position, **of_subject}
        )
        _translate(apps, "DocumentType", doc_type, name=names)
        doc_types[code] = doc_type

    for track_position, spec in enumerate(tracks, start=first_position):
        track, _ = Track.objects.update_or_create(
            code=spec["code"],
            defaults={"country": spec["country"], "position": track_position, **of_subject},
        )
        _translate(apps, "Track", track, name=spec["name"])
        for position, (code, names, requirements) in enumerate(spec["stages"], start=1):
            stage, _ = Stage.objects.update_or_create(
                track=track, code=code, defaults={"position": position}
            )
            _translate(apps, "Stage", stage, name=names)
            for requirement in requirements:
                _seed_requirement(apps, Requirement, stage, requirement, doc_types)


def _seed_requirement(apps, Requirement, stage, requirement, doc_types) -> None:
    kind, req_code = requirement[0], requirement[1]
    defaults = {"kind": kind}
    if kind == "document":
        defaults.update(document_type=doc_types[requirement[2]], must_be_signed=requirement[3])
    elif kind == "approval":
        defaults.update(granted_by_role=requirement[2])
    else:
        defaults.update(number=requirement[2])
    req, _ = Requirement.objects.update_or_create(stage=stage, code=req_code, defaults=defaults)
    _translate(apps, "StageRequirement", req, label=requirement[-1])
