"""The glossary every installation starts with (seeded by migration 0002, refreshed by
``manage.py seed_glossary``). Edited afterwards by the platform admin and the secretariats at
``/<lang>/glossary/``.

Each entry: concept (English key), domain, other English forms, the Indonesian term and
variants, the Japanese term and variants, words to avoid in each, the definition in id/ja/en,
the source that uses the term, and its status. Variants are spellings officials really use
("UMKM" and "usaha mikro, kecil, dan menengah"); avoided words are the calques the check
refuses ("panggilan" for a call: it reads as a phone call or a summons).
"""

from typing import Any

KSDPL = "Permendagri 25/2020; PP 28/2018 (kerja sama daerah)"
CLAIR = "CLAIR (自治体国際化協会), 姉妹（友好）提携の手引き"
IATI = "IATI Standard 2.03, result and indicator elements; codelists"
SIPSN = "SIPSN (KLHK); Perpres 97/2017 (Jakstranas)"
KP01 = "Kriteria Perencanaan KP-01 (Kementerian PUPR)"
KEMENDAGRI = "Kemendagri, kode dan data wilayah administrasi (Permendagri 72/2019)"
PLATFORM = "SisterCity"


def _entry(concept, domain, forms, id_terms, ja_terms, definitions, source, **extra) -> dict:
    """id_terms / ja_terms: the agreed term first, then its allowed variants."""
    return {
        "concept": concept,
        "domain": domain,
        "english_forms": "\n".join(forms),
        "term_id": id_terms[0],
        "variants_id": "\n".join(id_terms[1:]),
        "term_ja": ja_terms[0],
        "variants_ja": "\n".join(ja_terms[1:]),
        "avoid_id": "\n".join(extra.get("avoid_id", ())),
        "avoid_ja": "\n".join(extra.get("avoid_ja", ())),
        "definition_id": definitions[0],
        "definition_ja": definitions[1],
        "definition_en": definitions[2],
        "source": source,
        "status": extra.get("status", "agreed"),
    }


TERMS: list[dict[str, Any]] = [
    # Cities and regions
    _entry(
        "regency",
        "places",
        ["regencies"],
        ["kabupaten"],
        ["県"],
        (
            "Daerah otonom tingkat kedua di bawah provinsi, dipimpin oleh bupati; setara dengan "
            "kota.",
            "インドネシアの第二級自治体（カブパテン）。州の下にあり、県知事（ブパティ）が率いる。"
            "日本語では「県」と訳し、本文では音訳しない。",
            "A second-level autonomous region under a province, led by a regent (bupati); on a "
            "par with a city (kota).",
        ),
        KEMENDAGRI,
        avoid_ja=["カブパテン"],
    ),
    _entry(
        "Batang Regency",
        "places",
        [],
        ["Kabupaten Batang"],
        ["バタン県"],
        (
            "Kabupaten di pantai utara Provinsi Jawa Tengah.",
            "中部ジャワ州の北海岸にある県。",
            "A regency on the north coast of Central Java province.",
        ),
        KEMENDAGRI,
        avoid_ja=["カブパテン"],
    ),
    _entry(
        "Toyama City",
        "places",
        [],
        ["Kota Toyama"],
        ["富山市"],
        (
            "Ibu kota Prefektur Toyama, Jepang; Kota Model Lingkungan (環境モデル都市).",
            "富山県の県庁所在地。環境モデル都市。",
            "The capital of Toyama Prefecture, Japan; an Environmental Model City.",
        ),
        CLAIR,
    ),
    _entry(
        "Toyama Prefecture",
        "places",
        [],
        ["Prefektur Toyama"],
        ["富山県"],
        (
            "Prefektur di pantai Laut Jepang; pemerintah daerah tingkat pertama di Jepang.",
            "日本海側の県。日本の広域自治体。",
            "A prefecture on the Sea of Japan coast; Japan's first-level local government.",
        ),
        CLAIR,
    ),
    _entry(
        "Central Java",
        "places",
        [],
        ["Jawa Tengah"],
        ["中部ジャワ州"],
        (
            "Provinsi tempat Kabupaten Batang berada.",
            "バタン県が属する州。",
            "The province Batang Regency belongs to.",
        ),
        KEMENDAGRI,
    ),
    _entry(
        "prefecture",
        "places",
        ["prefectures"],
        ["prefektur"],
        ["県", "都道府県"],
        (
            "Pemerintah daerah tingkat pertama di Jepang (都道府県).",
            "日本の広域自治体（都道府県）。",
            "Japan's first-level local government (todōfuken).",
        ),
        CLAIR,
    ),
    _entry(
        "province",
        "places",
        ["provinces"],
        ["provinsi"],
        ["州"],
        (
            "Daerah otonom tingkat pertama di Indonesia.",
            "インドネシアの第一級自治体。日本語では「州」と訳す。",
            "Indonesia's first-level autonomous region.",
        ),
        KEMENDAGRI,
    ),
    _entry(
        "municipality",
        "places",
        ["municipalities"],
        ["pemerintah daerah", "pemda"],
        ["自治体"],
        (
            "Pemerintah daerah yang menjadi pihak dalam kerja sama: kabupaten, kota, provinsi "
            "atau prefektur.",
            "提携の当事者となる地方公共団体（県・市・州・都道府県）。",
            "A local government that can be party to a partnership: regency, city, province "
            "or prefecture.",
        ),
        KSDPL,
    ),
    _entry(
        "kecamatan",
        "places",
        ["subdistrict", "subdistricts"],
        ["kecamatan"],
        ["郡"],
        (
            "Wilayah kerja camat, bagian dari kabupaten atau kota.",
            "県・市の下の行政区画（クチャマタン）。本文では「郡」と訳す。",
            "The administrative area of a camat, part of a regency or city.",
        ),
        KEMENDAGRI,
        avoid_ja=["クチャマタン"],
    ),
    _entry(
        "regent",
        "places",
        ["regents"],
        ["bupati"],
        ["県知事"],
        (
            "Kepala daerah kabupaten.",
            "インドネシアの県の首長（ブパティ）。",
            "The elected head of a regency.",
        ),
        KEMENDAGRI,
        avoid_ja=["ブパティ"],
    ),
    _entry(
        "DPRD",
        "places",
        ["regional assembly"],
        ["DPRD"],
        ["地方議会", "DPRD"],
        (
            "Dewan Perwakilan Rakyat Daerah: lembaga legislatif daerah yang menyetujui kerja sama "
            "luar negeri.",
            "インドネシアの地方議会。海外との提携を承認する。",
            "The regional house of representatives, which approves agreements with foreign "
            "local governments.",
        ),
        KSDPL,
    ),
    _entry(
        "Ministry of Home Affairs",
        "places",
        ["Kemendagri"],
        ["Kementerian Dalam Negeri", "Kemendagri"],
        ["内務省"],
        (
            "Kementerian yang membina kerja sama daerah dengan pihak luar negeri.",
            "インドネシアの地方行政を所管し、地方自治体の国際協力を指導する省。",
            "The ministry that guides local governments' cooperation abroad.",
        ),
        KSDPL,
    ),
    # Agreement lifecycle
    _entry(
        "partnership",
        "lifecycle",
        ["partnerships"],
        ["kerja sama"],
        ["提携"],
        (
            "Hubungan kerja sama antara dua pemerintah daerah beserta seluruh kegiatannya.",
            "二つの自治体の間の提携関係とその活動全体。",
            "The cooperation between two local governments and everything done under it.",
        ),
        KSDPL,
    ),
    _entry(
        "sister city",
        "lifecycle",
        ["sister cities", "sister-city", "sister regency"],
        ["kota kembar", "sister city", "kota bersaudara"],
        ["姉妹都市"],
        (
            "Kerja sama jangka panjang yang menyeluruh antara dua daerah; berbeda dengan kerja "
            "sama persahabatan yang terbatas pada bidang tertentu.",
            "幅広い分野で長期に交流する自治体間の提携。分野を限った友好交流とは区別される。",
            "A comprehensive, long-term partnership of two local governments, as distinct from a "
            "friendship exchange limited to some fields.",
        ),
        CLAIR,
    ),
    _entry(
        "friendship exchange",
        "lifecycle",
        ["friendship city", "friendship cities"],
        ["kerja sama persahabatan", "kota persahabatan"],
        ["友好交流", "友好都市"],
        (
            "Hubungan antardaerah yang terbatas pada bidang atau kegiatan tertentu.",
            "特定の分野や事業に限った自治体間の交流。",
            "A relationship limited to particular fields or projects.",
        ),
        CLAIR,
    ),
    _entry(
        "letter of intent",
        "lifecycle",
        ["letters of intent"],
        ["Pernyataan Kehendak Kerja Sama"],
        ["意向書"],
        (
            "Pernyataan tertulis kedua pihak tentang kehendak untuk bekerja sama, sebelum "
            "penyusunan rencana kerja sama.",
            "協力の意思を双方が書面で表明するもの。協力計画の作成に先立つ。",
            "Both sides' written statement of the will to cooperate, before the cooperation "
            "plan is drafted.",
        ),
        KSDPL,
    ),
    _entry(
        "cooperation plan",
        "lifecycle",
        ["cooperation plans"],
        ["Rencana Kerja Sama"],
        ["協力計画"],
        (
            "Rencana kerja sama (RKS) yang memuat latar belakang, maksud, tujuan, objek dan "
            "rencana kegiatan.",
            "提携の背景・目的・対象・活動計画をまとめた計画書（RKS）。",
            "The plan (RKS) stating the background, aims, subject and planned activities.",
        ),
        KSDPL,
    ),
    _entry(
        "memorandum of understanding",
        "lifecycle",
        ["MoU", "memoranda of understanding"],
        ["Nota Kesepahaman", "MoU"],
        ["覚書", "MoU"],
        (
            "Naskah kerja sama yang ditandatangani kedua kepala daerah.",
            "両自治体の首長が署名する提携の文書。",
            "The agreement text signed by the heads of both local governments.",
        ),
        KSDPL,
    ),
    _entry(
        "agreement",
        "lifecycle",
        ["agreements"],
        ["perjanjian", "naskah kerja sama"],
        ["協定"],
        (
            "Naskah yang mengikat para pihak tentang kerja sama.",
            "提携について当事者を拘束する文書。",
            "The text that binds the parties to the cooperation.",
        ),
        KSDPL,
    ),
    _entry(
        "Full Powers",
        "lifecycle",
        ["Full Powers letter"],
        ["Surat Kuasa Penuh"],
        ["全権委任状"],
        (
            "Surat dari Menteri Luar Negeri yang memberi wewenang kepada kepala daerah untuk "
            "menandatangani naskah kerja sama.",
            "外務大臣が首長に協定への署名権限を与える文書。",
            "The Foreign Minister's letter empowering the head of region to sign.",
        ),
        "UU 24/2000 (perjanjian internasional); " + KSDPL,
    ),
    _entry(
        "stage",
        "lifecycle",
        ["stages"],
        ["tahap", "tahapan"],
        ["段階"],
        (
            "Satu langkah dalam alur kerja sama; ditinggalkan setelah persyaratannya terpenuhi.",
            "提携手続の一つの段階。要件を満たすと次に進む。",
            "One step of a track; left once its requirements are met.",
        ),
        KSDPL,
    ),
    _entry(
        "track",
        "lifecycle",
        ["tracks"],
        ["alur"],
        ["手続"],
        (
            "Urutan tahap yang ditempuh satu negara: KSDPL di Indonesia, syarat CLAIR di Jepang.",
            "一方の国がたどる段階の並び。インドネシアはKSDPL、日本はCLAIRの要件。",
            "The sequence of stages one country follows: KSDPL in Indonesia, CLAIR's "
            "conditions in Japan.",
        ),
        PLATFORM,
    ),
    _entry(
        "feasibility study",
        "lifecycle",
        ["feasibility"],
        ["kajian kelayakan", "kelayakan"],
        ["実現可能性"],
        (
            "Kajian manfaat dan kemampuan daerah sebelum memprakarsai kerja sama.",
            "提携を発意する前に、効果と実施能力を検討する調査。",
            "The study of benefits and capacity before a partnership is initiated.",
        ),
        KSDPL,
    ),
    _entry(
        "meeting minutes",
        "lifecycle",
        ["minutes of the meeting", "minutes of the exploration talks"],
        ["notulen", "berita acara"],
        ["議事録"],
        (
            "Catatan resmi rapat dan keputusannya.",
            "会議とその決定の公式な記録。",
            "The official record of a meeting and its decisions.",
        ),
        KSDPL,
    ),
    # Roles
    _entry(
        "secretariat",
        "roles",
        [],
        ["sekretariat"],
        ["事務局"],
        (
            "Unit yang mengelola kerja sama di pihak pemerintah daerah (di Batang: Bagian "
            "Pemerintahan/Kerja Sama Setda).",
            "自治体側で提携を運営する部署。",
            "The office that runs the partnership for its local government.",
        ),
        PLATFORM,
    ),
    _entry(
        "agency officer",
        "roles",
        ["agency officers"],
        ["petugas OPD"],
        ["部局担当者"],
        (
            "Petugas organisasi perangkat daerah (OPD) untuk pilar tertentu, mis. DLH untuk "
            "lingkungan hidup.",
            "特定の分野を担当する部局の職員。",
            "An officer of a regional government agency (OPD) working on given pillars.",
        ),
        "Permendagri 90/2019 (OPD); " + PLATFORM,
    ),
    _entry(
        "partner officer",
        "roles",
        ["partner officers"],
        ["petugas mitra"],
        ["相手都市担当者"],
        (
            "Petugas kota mitra di luar negeri.",
            "相手都市の担当職員。",
            "An officer of the partner city abroad.",
        ),
        PLATFORM,
    ),
    _entry(
        "observer",
        "roles",
        ["observers"],
        ["pengamat"],
        ["オブザーバー"],
        (
            "Kementerian yang membaca kerja sama tanpa mengubahnya.",
            "提携を閲覧するが変更しない省庁。",
            "A ministry that reads partnerships without changing them.",
        ),
        PLATFORM,
    ),
    _entry(
        "reviewer",
        "roles",
        ["reviewers"],
        ["penilai"],
        ["審査員"],
        (
            "Orang yang menilai pendaftaran pada seleksi.",
            "募集の応募を審査する人。",
            "A person who scores applications to a call.",
        ),
        PLATFORM,
    ),
    _entry(
        "applicant",
        "roles",
        ["applicants"],
        ["pendaftar"],
        ["応募者"],
        (
            "Orang yang mendaftar pada seleksi.",
            "募集に応募する人。",
            "A person who applies to a call.",
        ),
        PLATFORM,
    ),
    # Programmes and results (IATI)
    _entry(
        "pillar",
        "results",
        ["pillars"],
        ["pilar", "bidang"],
        ["分野"],
        (
            "Salah satu dari tujuh bidang kerja sama Batang–Toyama.",
            "バタン県・富山市の七つの協力分野の一つ。",
            "One of the seven fields of the Batang–Toyama cooperation.",
        ),
        PLATFORM,
    ),
    _entry(
        "programme",
        "results",
        ["programmes", "program", "programs"],
        ["program"],
        ["事業"],
        (
            "Rangkaian kegiatan dengan hasil dan anggaran, dilaporkan sebagai aktivitas IATI.",
            "成果と予算を持つ一連の活動。IATIのアクティビティとして公開される。",
            "A set of activities with results and a budget, published as an IATI activity.",
        ),
        IATI,
    ),
    _entry(
        "activity",
        "results",
        ["activities"],
        ["kegiatan"],
        ["活動"],
        (
            "Kegiatan yang dilaksanakan dalam program.",
            "事業の中で実施される活動。",
            "Something done under a programme.",
        ),
        IATI,
    ),
    _entry(
        "result",
        "results",
        ["results"],
        ["hasil"],
        ["成果", "結果"],
        (
            "Perubahan yang ingin dicapai program: keluaran, hasil (outcome) atau dampak.",
            "事業が目指す変化（アウトプット・アウトカム・インパクト）は「成果」。モデルや選考の"
            "計算の結果は「結果」。",
            "The change a programme aims at: output, outcome or impact.",
        ),
        IATI,
    ),
    _entry(
        "indicator",
        "results",
        ["indicators"],
        ["indikator"],
        ["指標"],
        (
            "Ukuran suatu hasil, dengan nilai dasar, target dan realisasi per periode.",
            "成果を測る尺度。期間ごとのベースライン・目標値・実績を持つ。",
            "The measure of a result, with a baseline and targets and actuals by period.",
        ),
        IATI,
    ),
    _entry(
        "indicator update",
        "results",
        ["indicator updates"],
        ["pembaruan indikator", "pembaruan"],
        ["実績報告"],
        (
            "Laporan nilai realisasi suatu indikator untuk satu periode, menunggu persetujuan.",
            "ある期間の指標の実績値の報告。承認を経て実績に計上される。",
            "A reported actual value of an indicator for one period, awaiting approval.",
        ),
        IATI,
    ),
    _entry(
        "off track",
        "results",
        [],
        ["tertinggal dari target", "tertinggal"],
        ["遅れ"],
        (
            "Status indikator yang realisasinya di bawah lintasan menuju target.",
            "実績が目標に向かう見込みを下回っている指標の状態。",
            "An indicator whose actuals fall below the path to its target.",
        ),
        PLATFORM,
    ),
    _entry(
        "baseline",
        "results",
        [],
        ["nilai dasar"],
        ["ベースライン"],
        (
            "Nilai indikator sebelum program dimulai.",
            "事業開始前の指標の値。",
            "The value of an indicator before the programme starts.",
        ),
        IATI,
    ),
    _entry(
        "disaggregation",
        "results",
        ["disaggregations"],
        ["disagregasi", "terdisagregasi"],
        ["内訳"],
        (
            "Rincian nilai menurut dimensi seperti jenis kelamin, usia atau kecamatan.",
            "性別・年齢・郡などの区分による値の内訳。",
            "A breakdown of values by a dimension such as sex, age or kecamatan.",
        ),
        IATI,
    ),
    _entry(
        "budget line",
        "results",
        ["budget lines"],
        ["pos anggaran"],
        ["予算項目"],
        (
            "Satu baris anggaran program dengan sumber dananya.",
            "事業予算の一行とその財源。",
            "One line of a programme's budget with its source of funds.",
        ),
        IATI,
    ),
    _entry(
        "deadline",
        "results",
        ["deadlines"],
        ["tenggat", "batas waktu"],
        ["期限", "締切"],
        (
            "Tanggal suatu tindakan harus selesai.",
            "ある対応を終えるべき日。",
            "The date by which something must be done.",
        ),
        PLATFORM,
    ),
    # Calls and exchange
    _entry(
        "call",
        "exchange",
        ["calls", "open call", "open calls"],
        ["seleksi", "lowongan"],
        ["募集"],
        (
            "Pengumuman pendaftaran untuk pertukaran pelajar, magang atau program bagi UMKM, "
            "dengan persyaratan, kuota dan jadwal seleksi.",
            "学生交流・インターンシップ・中小企業向け事業などの参加者募集。条件・定員・選考日程を"
            "定める。",
            "An announcement inviting applications for an exchange, an internship or a "
            "programme, with its conditions, places and selection timetable.",
        ),
        "Kemendikbudristek, pengumuman seleksi pertukaran pelajar; " + PLATFORM,
        avoid_id=["panggilan"],
    ),
    _entry(
        "application",
        "exchange",
        ["applications"],
        ["pendaftaran"],
        ["応募"],
        (
            "Berkas yang diajukan pendaftar pada seleksi.",
            "応募者が募集に提出する書類一式。",
            "What an applicant submits to a call.",
        ),
        PLATFORM,
        avoid_id=["aplikasi"],
    ),
    _entry(
        "placement",
        "exchange",
        ["placements"],
        ["penempatan"],
        ["受入枠"],
        (
            "Tempat yang ditawarkan pada lembaga penerima, dengan kuotanya.",
            "受入機関が提供する受入先と定員。",
            "A place offered at a host, with its number of seats.",
        ),
        PLATFORM,
    ),
    _entry(
        "host",
        "exchange",
        ["hosts"],
        ["lembaga penerima", "penerima"],
        ["受入機関", "受入"],
        (
            "Lembaga yang menerima peserta pertukaran atau magang.",
            "交流やインターンシップの参加者を受け入れる機関。",
            "The institution that receives exchange participants or interns.",
        ),
        PLATFORM,
    ),
    _entry(
        "internship",
        "exchange",
        ["internships"],
        ["magang"],
        ["インターンシップ", "研修"],
        (
            "Penempatan kerja sementara untuk belajar di lembaga penerima.",
            "学ぶための受入機関での一時的な就業。",
            "A temporary work placement for learning at a host.",
        ),
        PLATFORM,
    ),
    _entry(
        "student exchange",
        "exchange",
        [],
        ["pertukaran pelajar", "pertukaran mahasiswa"],
        ["学生交流"],
        (
            "Program belajar di kota mitra untuk siswa atau mahasiswa.",
            "生徒・学生が相手都市で学ぶ事業。",
            "A programme for pupils or students to study in the partner city.",
        ),
        PLATFORM,
    ),
    _entry(
        "offer",
        "exchange",
        ["offers"],
        ["tawaran"],
        ["内定"],
        (
            "Tawaran penempatan kepada pendaftar yang terpilih, dengan batas waktu jawaban.",
            "選考に通った応募者への受入の通知。回答期限がある。",
            "A placement offered to a selected applicant, with a date to answer by.",
        ),
        PLATFORM,
    ),
    _entry(
        "criterion",
        "exchange",
        ["criteria"],
        ["kriteria"],
        ["評価基準"],
        (
            "Unsur penilaian pendaftaran dengan skor maksimum dan bobotnya.",
            "応募を採点する項目。満点と重みを持つ。",
            "An item on which applications are scored, with its maximum and weight.",
        ),
        PLATFORM,
    ),
    _entry(
        "alumni",
        "exchange",
        [],
        ["alumni"],
        ["同窓生"],
        (
            "Peserta yang telah menyelesaikan program dan bersedia dicantumkan.",
            "事業を修了し、掲載に同意した参加者。",
            "Participants who completed the programme and agreed to be listed.",
        ),
        PLATFORM,
    ),
    # Waste
    _entry(
        "waste management",
        "pillars",
        [],
        ["pengelolaan sampah"],
        ["廃棄物管理"],
        (
            "Kegiatan sistematis pengurangan dan penanganan sampah.",
            "ごみの減量と処理の体系的な取組み。",
            "The systematic reduction and handling of waste.",
        ),
        "UU 18/2008 (pengelolaan sampah); " + SIPSN,
    ),
    _entry(
        "landfill",
        "waste",
        ["landfills", "TPA"],
        ["TPA", "tempat pemrosesan akhir", "landfill"],
        ["最終処分場", "埋立"],
        (
            "Tempat pemrosesan akhir (TPA) untuk sampah yang tidak diolah.",
            "処理されないごみを埋め立てる最終処分場（TPA）。",
            "The final disposal site (TPA) for waste not otherwise treated.",
        ),
        SIPSN,
    ),
    _entry(
        "waste bank",
        "waste",
        ["waste banks"],
        ["bank sampah"],
        ["ごみバンク"],
        (
            "Tempat pemilahan dan pengumpulan sampah yang dapat didaur ulang, dikelola warga.",
            "住民が運営する資源ごみの分別・回収拠点（バンク・サンパ）。",
            "A community point that sorts and collects recyclables.",
        ),
        SIPSN,
        avoid_ja=["バンク・サンパ"],
    ),
    _entry(
        "waste-to-energy",
        "waste",
        ["waste to energy"],
        [
            "PSEL",
            "pengolahan sampah menjadi energi",
            "pembangkit listrik tenaga sampah",
            "PLTSa",
            "sampah menjadi energi",
        ],
        ["ごみ発電"],
        (
            "Pengolahan sampah menjadi energi listrik (PSEL), mis. insinerasi.",
            "焼却などによりごみから電力を得ること。",
            "Turning waste into electricity (PSEL), e.g. by incineration.",
        ),
        "Perpres 35/2018 (PSEL); " + SIPSN,
    ),
    _entry(
        "recycling",
        "waste",
        [],
        ["daur ulang", "didaur ulang"],
        ["リサイクル"],
        (
            "Pengolahan sampah menjadi bahan baku kembali.",
            "ごみを原料として再生すること。",
            "Turning waste back into raw material.",
        ),
        SIPSN,
    ),
    _entry(
        "composting",
        "waste",
        [],
        ["pengomposan", "kompos"],
        ["堆肥化"],
        (
            "Pengolahan sampah organik menjadi kompos.",
            "有機ごみを堆肥にすること。",
            "Turning organic waste into compost.",
        ),
        SIPSN,
    ),
    _entry(
        "waste scenario",
        "waste",
        ["waste scenarios", "scenario", "scenarios"],
        ["skenario"],
        ["シナリオ"],
        (
            "Kombinasi rencana fasilitas dan pemilahan yang dihitung modelnya.",
            "施設と分別の計画の組合せ。モデルで結果を計算する。",
            "A planned combination of facilities and sorting whose outcome the model computes.",
        ),
        PLATFORM,
    ),
    _entry(
        "reduction target",
        "waste",
        ["reduction"],
        ["pengurangan"],
        ["減量"],
        (
            "Target Jakstranas: 30 % sampah dikurangi di sumber pada 2025.",
            "ジャクストラナスの目標：2025年までに発生源で30％を減量。",
            "The Jakstranas target: 30 % of waste reduced at source by 2025.",
        ),
        SIPSN,
    ),
    _entry(
        "handling target",
        "waste",
        ["handling"],
        ["penanganan"],
        ["処理"],
        (
            "Target Jakstranas: 70 % sampah ditangani pada 2025.",
            "ジャクストラナスの目標：2025年までに70％を適正処理。",
            "The Jakstranas target: 70 % of waste handled by 2025.",
        ),
        SIPSN,
    ),
    # Irrigation
    _entry(
        "irrigation scheme",
        "irrigation",
        ["irrigation schemes", "scheme", "schemes"],
        ["daerah irigasi"],
        ["灌漑地区"],
        (
            "Kesatuan lahan yang mendapat air dari satu jaringan irigasi.",
            "一つの灌漑施設系統から水を受ける区域（ダエラ・イリガシ）。",
            "The land served by one irrigation network.",
        ),
        KP01,
    ),
    _entry(
        "rotation group",
        "irrigation",
        ["rotation groups"],
        ["golongan"],
        ["ローテーション区"],
        (
            "Bagian daerah irigasi yang mulai tanam pada waktu yang sama.",
            "同じ時期に作付けを始める灌漑地区の一部。",
            "Part of a scheme that starts planting at the same time.",
        ),
        KP01,
    ),
    _entry(
        "water-user association",
        "irrigation",
        ["water-user associations", "P3A"],
        ["P3A", "perkumpulan petani pemakai air"],
        ["水利組合"],
        (
            "Perkumpulan petani pemakai air (P3A/GP3A) yang mengelola jaringan tersier.",
            "末端水路を管理する農民の水利組織（P3A/GP3A）。",
            "The farmers' association (P3A/GP3A) that runs the tertiary canals.",
        ),
        "Permen PUPR 30/2015; " + KP01,
    ),
    _entry(
        "net field requirement",
        "irrigation",
        ["NFR"],
        ["kebutuhan bersih air di sawah", "NFR"],
        ["純用水量", "NFR"],
        (
            "NFR = ETc + P − Re + WLR, dalam mm/hari atau l/dt/ha.",
            "NFR＝ETc＋P－Re＋WLR（mm/日またはl/s/ha）。",
            "NFR = ETc + P − Re + WLR, in mm/day or l/s/ha.",
        ),
        KP01,
    ),
    _entry(
        "effective rainfall",
        "irrigation",
        [],
        ["curah hujan efektif", "hujan efektif"],
        ["有効雨量"],
        (
            "Bagian curah hujan yang dimanfaatkan tanaman; untuk padi 70 % dari R80 setengah "
            "bulanan.",
            "作物が利用できる雨量。水稲では半月ごとの80％確率雨量の70％。",
            "The rainfall crops can use; for paddy 70 % of the half-monthly 80 %-dependable "
            "rainfall.",
        ),
        KP01,
    ),
    _entry(
        "reference evapotranspiration",
        "irrigation",
        ["ETo"],
        ["evapotranspirasi acuan", "ETo"],
        ["基準蒸発散量", "ETo"],
        (
            "Evapotranspirasi rumput acuan menurut Penman–Monteith FAO-56.",
            "FAO-56ペンマン・モンティース式による基準作物の蒸発散量。",
            "The evapotranspiration of the FAO-56 Penman–Monteith reference grass.",
        ),
        "FAO Irrigation and Drainage Paper 56",
    ),
    # The pillars
    _entry(
        "MSME",
        "pillars",
        ["MSMEs", "UMKM"],
        ["UMKM", "usaha mikro, kecil, dan menengah"],
        ["中小企業", "中小零細企業"],
        (
            "Usaha mikro, kecil, dan menengah menurut kriteria PP 7/2021.",
            "PP 7/2021の基準によるインドネシアの零細・小規模・中規模企業（UMKM）。",
            "Micro, small and medium enterprises by the criteria of PP 7/2021.",
        ),
        "PP 7/2021",
    ),
    _entry(
        "fire service",
        "pillars",
        ["fire services", "fire brigade"],
        ["pemadam kebakaran", "Damkar"],
        ["消防"],
        (
            "Dinas pemadam kebakaran dan penyelamatan daerah.",
            "地方の消防・救助機関。",
            "The local fire and rescue service.",
        ),
        "Permendagri 114/2018 (SPM kebakaran)",
    ),
    _entry(
        "grant",
        "emergency",
        ["grants"],
        ["hibah"],
        ["寄附", "寄贈", "無償譲渡", "贈与", "供与"],
        (
            "Pemberian barang atau uang dari pihak luar negeri kepada pemerintah daerah.",
            "海外から自治体への物品または資金の無償の提供。",
            "Goods or money given by a foreign party to a local government.",
        ),
        "PP 10/2011 (pinjaman luar negeri dan hibah)",
    ),
    _entry(
        "industrial estate",
        "investment",
        ["industrial estates"],
        ["kawasan industri", "KITB"],
        ["工業団地"],
        (
            "Kawasan Industri Terpadu Batang (KITB), bagian KEK Industropolis Batang.",
            "バタン統合工業団地（KITB）。KEKインダストロポリス・バタンの一部。",
            "The Batang integrated industrial estate (KITB), part of KEK Industropolis Batang.",
        ),
        "PP 40/2021 (KEK)",
    ),
    _entry(
        "event",
        "culture",
        ["events"],
        ["acara", "kegiatan"],
        ["イベント", "催し"],
        (
            "Festival, pertukaran kuliner atau seni, pameran dan kunjungan.",
            "祭り、食・芸術の交流、展示、訪問などの催し。",
            "A festival, culinary or arts exchange, exhibition or visit.",
        ),
        PLATFORM,
    ),
    # MSMEs and trade
    _entry(
        "origin criterion",
        "trade",
        ["origin criteria", "IJEPA origin criterion"],
        ["kriteria asal"],
        ["原産地基準"],
        (
            "Syarat agar barang dianggap berasal dari Indonesia menurut IJEPA (WO, CTH, QVC).",
            "日インドネシアEPAで産品が原産品と認められるための基準（完全生産品、関税分類変更、"
            "付加価値基準）。",
            "The rule by which a good counts as Indonesian under IJEPA (WO, CTH, QVC).",
        ),
        "Indonesia–Japan EPA, Chapter 3 and Annex 2",
    ),
    _entry(
        "certificate of origin",
        "trade",
        ["certificates of origin", "Form IJEPA"],
        ["Surat Keterangan Asal", "SKA", "Form IJEPA"],
        ["原産地証明書"],
        (
            "Dokumen (SKA Form IJEPA) yang membuktikan asal barang untuk tarif preferensi.",
            "特恵税率の適用を受けるため原産を証明する書類（Form IJEPA）。",
            "The document (Form IJEPA) proving a good's origin for the preferential tariff.",
        ),
        "Indonesia–Japan EPA; Permendag tentang SKA",
    ),
]
