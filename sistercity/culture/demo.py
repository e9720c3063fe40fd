# ruff: noqa: E501 - a data module: each multilingual text reads better on one line
"""The culture part of the Batang–Toyama demo (see ``demo/data.py``): a year of events in both
cities (two past with their attendance, one cancelled, one full with a waitlist, one with a
single place left), ten destinations, monthly visitor figures, and Ayu, the culture agency
officer of Batang's tourism office (Disparpora). Dates are set relative to the day the demo
is first loaded, so there is always something upcoming. Everything is sample data."""

import datetime as dt
import zoneinfo
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from sistercity.accounts.choices import Country, OrganisationKind, Role
from sistercity.accounts.models import Membership, Organisation, User
from sistercity.core.models import Pillar
from sistercity.culture.choices import EventStatus, RegistrationStatus
from sistercity.culture.models import (
    CulturalExchange,
    Destination,
    Event,
    Registration,
    VisitorFigure,
)

LANGS = ("id", "ja", "en")

# slug, city, kind, days from today, start hour (local), hours, capacity, attendance, status,
# online link, (title id/ja/en), (venue id/ja/en), (description id/ja/en)
EVENTS: list[tuple[Any, ...]] = [
    (
        "festival-pantai-sigandu",
        "batang",
        "festival",
        -120,
        9,
        8,
        None,
        1200,
        "scheduled",
        "",
        ("Festival Pantai Sigandu", "シガンドゥ海岸フェスティバル", "Sigandu Beach Festival"),
        ("Pantai Sigandu, Batang", "シガンドゥ海岸（バタン）", "Sigandu Beach, Batang"),
        (
            "Festival budaya pesisir dengan tari, kuliner laut dan pameran UMKM.",
            "踊り、海の幸、中小企業の展示がそろう海岸の文化祭です。",
            "A coastal culture festival with dance, seafood and an MSME fair.",
        ),
    ),
    (
        "lentera-kanal-toyama",
        "toyama",
        "festival",
        -40,
        17,
        4,
        None,
        800,
        "scheduled",
        "",
        ("Malam Lentera Kanal Toyama", "富岩運河 灯りの夕べ", "Toyama Canal Lantern Evening"),
        ("Taman Fugan Unga Kansui", "富岩運河環水公園", "Fugan Canal Kansui Park"),
        (
            "Lentera buatan pelajar Batang dan Toyama di sepanjang kanal.",
            "バタンと富山の生徒が作った灯りを運河沿いに飾ります。",
            "Lanterns made by Batang and Toyama pupils along the canal.",
        ),
    ),
    (
        "lokakarya-batik-rifaiyah",
        "batang",
        "arts",
        30,
        9,
        3,
        4,
        None,
        "scheduled",
        "",
        ("Lokakarya Batik Rifaiyah", "リファイヤ・バティック工房体験", "Batik Rifaiyah workshop"),
        (
            "Kampung Batik Kalipucang, Batang",
            "カリプチャン・バティック村（バタン）",
            "Kalipucang batik village, Batang",
        ),
        (
            "Belajar membatik motif Rifaiyah bersama perajin Kalipucang.",
            "カリプチャンの職人とリファイヤ模様のバティックを学びます。",
            "Learn Rifaiyah batik patterns with the Kalipucang artisans.",
        ),
    ),
    (
        "kaca-toyama-daring",
        "toyama",
        "online",
        45,
        19,
        2,
        2,
        None,
        "scheduled",
        "https://meet.example.org/toyama-glass",
        (
            "Sesi daring: seni kaca Toyama",
            "オンライン講座：富山のガラス工芸",
            "Online session: Toyama glass art",
        ),
        ("", "", ""),
        (
            "Kurator Museum Seni Kaca Toyama menjelaskan karya dan teknik.",
            "富山市ガラス美術館の学芸員が作品と技法を紹介します。",
            "A curator of the Toyama Glass Art Museum introduces works and techniques.",
        ),
    ),
    (
        "kunjungan-kebun-teh-pagilaran",
        "batang",
        "school_visit",
        75,
        8,
        6,
        40,
        None,
        "cancelled",
        "",
        (
            "Kunjungan sekolah ke Kebun Teh Pagilaran",
            "パギララン茶園への学校訪問",
            "School visit to the Pagilaran tea estate",
        ),
        (
            "Agrowisata Pagilaran, Blado",
            "パギララン・アグリツーリズム（ブラド）",
            "Pagilaran agrotourism, Blado",
        ),
        (
            "Siswa Toyama mengunjungi kebun teh dan pabrik teh Pagilaran.",
            "富山の生徒がパギララン茶園と製茶工場を訪ねます。",
            "Toyama pupils visit the Pagilaran tea estate and its factory.",
        ),
    ),
    (
        "kuliner-kitokito-toyama",
        "toyama",
        "culinary",
        200,
        11,
        3,
        60,
        None,
        "scheduled",
        "",
        (
            "Pertukaran kuliner: ikan Teluk Toyama",
            "食の交流：富山湾の魚",
            "Culinary exchange: fish of Toyama Bay",
        ),
        ("Pasar Ikan Pelabuhan Iwase", "岩瀬漁港", "Iwase fishing port"),
        (
            "Juru masak Batang dan Toyama memasak ikan Teluk Toyama bersama.",
            "バタンと富山の料理人が富山湾の魚を一緒に料理します。",
            "Cooks from Batang and Toyama prepare fish of Toyama Bay together.",
        ),
    ),
]

# The demo's registrants (sample people with example addresses).
REGISTRATIONS = {
    "lokakarya-batik-rifaiyah": [
        ("Siti Aminah", "siti@example.org", 2, "id", "confirmed"),
        ("Bambang Sutrisno", "bambang@example.org", 1, "id", "confirmed"),
    ],
    "kaca-toyama-daring": [
        ("Agus Salim", "agus@example.org", 1, "id", "confirmed"),
        ("佐藤 美咲", "sato@example.jp", 1, "ja", "confirmed"),
        ("Rahmat Hidayat", "rahmat@example.org", 1, "id", "waitlisted"),
    ],
}

# slug, city, category, latitude, longitude, (name id/ja/en), (description id/ja/en)
DESTINATIONS: list[tuple[Any, ...]] = [
    (
        "pantai-sigandu",
        "batang",
        "beach",
        "-6.9004",
        "109.7543",
        ("Pantai Sigandu", "シガンドゥ海岸", "Sigandu Beach"),
        (
            "Pantai di utara kota Batang.",
            "バタン市街の北にある海岸です。",
            "A beach north of Batang town.",
        ),
    ),
    (
        "pantai-ujungnegoro",
        "batang",
        "beach",
        "-6.9140",
        "109.8680",
        ("Pantai Ujungnegoro", "ウジュンネゴロ海岸", "Ujungnegoro Beach"),
        (
            "Pantai dengan tebing karang dan makam Syekh Maulana Maghribi.",
            "岩の崖と聖者廟のある海岸です。",
            "A beach with rock cliffs and a saint's shrine.",
        ),
    ),
    (
        "kebun-teh-pagilaran",
        "batang",
        "agrotourism",
        "-7.1290",
        "109.8390",
        ("Agrowisata Kebun Teh Pagilaran", "パギララン茶園", "Pagilaran tea estate"),
        (
            "Perkebunan teh di lereng Dieng dengan tur pabrik teh.",
            "ディエン高原の斜面に広がる茶園。製茶工場の見学ができます。",
            "A tea estate on the Dieng slopes with factory tours.",
        ),
    ),
    (
        "curug-genting",
        "batang",
        "nature",
        "-7.1440",
        "109.8050",
        ("Curug Genting", "グンティンの滝", "Genting waterfall"),
        (
            "Air terjun di hutan pegunungan Blado.",
            "ブラドの山林にある滝です。",
            "A waterfall in the Blado highland forest.",
        ),
    ),
    (
        "batik-rifaiyah-kalipucang",
        "batang",
        "craft",
        "-6.9280",
        "109.7210",
        (
            "Batik Rifaiyah Kalipucang",
            "カリプチャンのリファイヤ・バティック",
            "Batik Rifaiyah of Kalipucang",
        ),
        (
            "Kampung perajin batik tulis motif Rifaiyah.",
            "リファイヤ模様の手描きバティック職人の村です。",
            "A village of hand-drawn Rifaiyah batik artisans.",
        ),
    ),
    (
        "tateyama-kurobe",
        "toyama",
        "nature",
        "36.5769",
        "137.5966",
        ("Tateyama Kurobe Alpine Route", "立山黒部アルペンルート", "Tateyama Kurobe Alpine Route"),
        (
            "Jalur pegunungan dengan dinding salju dan Bendungan Kurobe.",
            "雪の大谷と黒部ダムを結ぶ山岳観光ルートです。",
            "A mountain route with snow walls and the Kurobe Dam.",
        ),
    ),
    (
        "museum-kaca-toyama",
        "toyama",
        "museum",
        "36.6906",
        "137.2135",
        ("Museum Seni Kaca Toyama", "富山市ガラス美術館", "Toyama Glass Art Museum"),
        (
            "Museum kaca kontemporer di gedung TOYAMA Kirari.",
            "TOYAMAキラリの中にある現代ガラス美術館です。",
            "A contemporary glass museum in the TOYAMA Kirari building.",
        ),
    ),
    (
        "taman-kanal-kansui",
        "toyama",
        "nature",
        "36.7085",
        "137.2090",
        ("Taman Fugan Unga Kansui", "富岩運河環水公園", "Fugan Canal Kansui Park"),
        (
            "Taman kanal dengan menara pandang dan kapal wisata.",
            "展望塔と観光船のある運河の公園です。",
            "A canal park with viewing towers and sightseeing boats.",
        ),
    ),
    (
        "teluk-toyama-iwase",
        "toyama",
        "heritage",
        "36.7610",
        "137.2280",
        (
            "Teluk Toyama dan kota pelabuhan Iwase",
            "富山湾と岩瀬の町並み",
            "Toyama Bay and the Iwase port town",
        ),
        (
            "Rumah pedagang kapal kitamae di tepi Teluk Toyama.",
            "富山湾沿いに北前船廻船問屋の町並みが残ります。",
            "Kitamae-ship merchant houses by Toyama Bay.",
        ),
    ),
    (
        "kastil-toyama",
        "toyama",
        "heritage",
        "36.6936",
        "137.2094",
        ("Taman Kastil Toyama", "富山城址公園", "Toyama Castle Park"),
        (
            "Kastil yang dibangun kembali dengan museum sejarah kota.",
            "郷土博物館のある再建された城です。",
            "A rebuilt castle with the city's history museum.",
        ),
    ),
]


# The logins ``make run`` prints (e-mail, who it is).
LOGINS = [("ayu@batang.example", "Ayu Lestari — culture and tourism office, culture pillar")]


def _texts(obj: Any, **fields: tuple[str, str, str]) -> None:
    for index, code in enumerate(LANGS):
        obj.set_current_language(code)
        for name, texts in fields.items():
            setattr(obj, name, texts[index])


def _culture_officer(demo: Any) -> User:
    """Ayu, agency officer of Batang's tourism office for the culture pillar."""
    from sistercity.demo.data import DEMO_PASSWORD

    office, created = Organisation.objects.get_or_create(
        slug="batang-disparpora",
        defaults=dict(
            kind=OrganisationKind.AGENCY,
            country=Country.INDONESIA,
            parent=demo.batang,
            is_sample=True,
        ),
    )
    if created:
        _texts(
            office,
            name=(
                "Dinas Pariwisata, Kepemudaan dan Olahraga Kabupaten Batang",
                "バタン県観光・青少年・スポーツ局",
                "Batang Tourism, Youth and Sports Office (Disparpora)",
            ),
        )
        office.save()
    user = User.objects.filter(email="ayu@batang.example").first()
    if user is None:
        user = User.objects.create_user(
            "ayu@batang.example",
            DEMO_PASSWORD,
            full_name="Ayu Lestari",
            preferred_language="id",
            time_zone="Asia/Jakarta",
        )
    membership, _created = Membership.objects.get_or_create(
        user=user, organisation=office, role=Role.AGENCY_OFFICER
    )
    membership.pillars.set(Pillar.objects.filter(code="culture"))
    demo.users.setdefault("ayu", user)
    return user


def _events(demo: Any, cities: dict[str, Any], pillar: Pillar) -> None:
    today = timezone.localdate()
    for row in EVENTS:
        slug, city, kind, days, hour, hours, capacity, attendance, status, online = row[:10]
        title, venue, description = row[10:]
        if Event.objects.filter(partnership=demo.partnership, slug=slug).exists():
            continue
        zone = "Asia/Jakarta" if city == "batang" else "Asia/Tokyo"
        day = today + dt.timedelta(days=days)
        starts = dt.datetime(day.year, day.month, day.day, hour, tzinfo=zoneinfo.ZoneInfo(zone))
        event = Event(
            partnership=demo.partnership,
            slug=slug,
            kind=kind,
            city=cities[city],
            organiser=cities[city],
            pillar=pillar,
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=hours),
            time_zone=zone,
            online_url=online,
            capacity=capacity,
            attendance=attendance,
            status=status,
            sequence=1 if status == EventStatus.CANCELLED else 0,
            is_sample=True,
        )
        _texts(event, title=title, venue=venue, description=description)
        event.save()
        for name, email, people, language, state in REGISTRATIONS.get(slug, []):
            Registration.objects.create(
                event=event,
                full_name=name,
                email=email,
                people=people,
                language=language,
                status=state,
                confirmed_at=timezone.now() if state == RegistrationStatus.CONFIRMED else None,
            )


def _destinations(demo: Any, cities: dict[str, Any]) -> None:
    for slug, city, category, lat, lon, name, description in DESTINATIONS:
        if Destination.objects.filter(partnership=demo.partnership, slug=slug).exists():
            continue
        destination = Destination(
            partnership=demo.partnership,
            slug=slug,
            city=cities[city],
            category=category,
            latitude=Decimal(lat),
            longitude=Decimal(lon),
            is_sample=True,
        )
        _texts(destination, name=name, description=description)
        destination.save()


def _visitor_figures(demo: Any, cities: dict[str, Any]) -> None:
    if VisitorFigure.objects.filter(partnership=demo.partnership).exists():
        return
    first = timezone.localdate().replace(day=1)
    rows = []
    for back in range(6, 0, -1):
        month = (first - dt.timedelta(days=28 * back)).replace(day=1)
        rows.append(
            VisitorFigure(
                partnership=demo.partnership,
                city=cities["batang"],
                month=month,
                origin="japan",
                visitors=30 + 5 * back,
                source="Disparpora Kabupaten Batang (data contoh)",
                is_sample=True,
            )
        )
        rows.append(
            VisitorFigure(
                partnership=demo.partnership,
                city=cities["toyama"],
                month=month,
                origin="indonesia",
                visitors=400 + 20 * back,
                source="富山市観光政策課（サンプルデータ）",
                is_sample=True,
            )
        )
    VisitorFigure.objects.bulk_create(rows, ignore_conflicts=True)


def _exchange(demo: Any, cities: dict[str, Any]) -> None:
    """Batang's dance troupe at the Toyama lantern evening."""
    if CulturalExchange.objects.filter(partnership=demo.partnership).exists():
        return
    from sistercity.programs.models import Meeting

    lanterns = Event.objects.get(partnership=demo.partnership, slug="lentera-kanal-toyama")
    day = timezone.localtime(lanterns.starts_at, lanterns.zone).date()
    exchange = CulturalExchange(
        partnership=demo.partnership,
        slug="sanggar-tari-batang-ke-toyama",
        from_city=cities["batang"],
        to_city=cities["toyama"],
        starts_on=day - dt.timedelta(days=2),
        ends_on=day + dt.timedelta(days=3),
        participants=14,
        meeting=Meeting.objects.filter(partnership=demo.partnership).order_by("held_on").last(),
        is_sample=True,
    )
    _texts(
        exchange,
        title=(
            "Sanggar tari Batang ke Toyama",
            "バタンの舞踊団が富山を訪問",
            "Batang dance troupe visits Toyama",
        ),
        delegation=(
            "12 penari dan 2 pelatih sanggar tari Kabupaten Batang.",
            "バタン県の舞踊団から踊り手12名と指導者2名。",
            "Twelve dancers and two trainers of a Batang Regency dance studio.",
        ),
        programme=(
            "Tari Kuda Lumping dan lokakarya tari untuk pelajar Toyama.",
            "クダ・ルンピンの踊りの公演と、富山の生徒向けの踊りのワークショップ。",
            "Kuda Lumping performances and a dance workshop for Toyama pupils.",
        ),
    )
    exchange.save()
    exchange.events.set([lanterns])


@transaction.atomic
def load(demo: Any) -> None:
    """Add this sector's demo records; idempotent."""
    _culture_officer(demo)
    pillar = Pillar.objects.get(code="culture")
    cities = {"batang": demo.batang, "toyama": demo.toyama}
    _events(demo, cities, pillar)
    _destinations(demo, cities)
    _visitor_figures(demo, cities)
    _exchange(demo, cities)
