# ruff: noqa: E501 - the rule texts and links are data, kept whole
"""The Japan export rules and IJEPA origin rules an installation starts with (a data module).

Migration 0002 copies ``JAPAN_RULES`` into the ``ExportRule`` table, where the platform admin
edits them (Django admin); the engine reads the table, never this module. Each rule names the
law it comes from and a link to it. Texts are (id, ja, en).

The food rules apply to the HS chapters of food (02–22 and 09's spices); inspection orders
(検査命令) are those MHLW issues for Indonesian products with a history of violations.
"""

from typing import Any

FOOD_CHAPTERS = tuple(f"{chapter:02d}" for chapter in range(2, 23))

JAPAN_RULES: list[dict] = [
    {
        "code": "fsa-import-notification",
        "hs_prefixes": list(FOOD_CHAPTERS),
        "condition": "always",
        "evidence": "notification",
        "source": "食品衛生法 第27条 (Food Sanitation Act, Art. 27)",
        "url": "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryou/shokuhin/yunyu_kanshi/index.html",
        "title": (
            "Pemberitahuan impor pangan oleh importir (Undang-Undang Sanitasi Pangan)",
            "輸入者による食品等輸入届出（食品衛生法）",
            "Import notification by the importer (Food Sanitation Act)",
        ),
        "next_step": (
            "Sebutkan importir dan lengkapi komposisi bahan (jumlah 100 %) untuk formulir pemberitahuan.",
            "輸入者を登録し、届出に必要な原材料の配合（合計100%）を入力してください。",
            "Name the importer and complete the ingredient list (adding up to 100 %) for the notification.",
        ),
    },
    {
        "code": "mhlw-aflatoxin-nutmeg",
        "hs_prefixes": ["090811", "090812", "090821", "090822"],
        "condition": "always",
        "evidence": "lab_report",
        "parameter": "aflatoxin",
        "source": "厚生労働省 検査命令 (MHLW inspection order: aflatoxin, nutmeg from Indonesia)",
        "url": "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryou/shokuhin/yunyu_kanshi/kensa/index.html",
        "title": (
            "Uji aflatoksin untuk pala (perintah pemeriksaan MHLW)",
            "ナツメグのアフラトキシン検査（厚生労働省検査命令）",
            "Aflatoxin test for nutmeg (MHLW inspection order)",
        ),
        "next_step": (
            "Unggah laporan uji aflatoksin dari laboratorium terakreditasi, tidak lebih dari 12 bulan.",
            "12か月以内の認定試験所によるアフラトキシン試験成績書を登録してください。",
            "Add an aflatoxin lab report from an accredited laboratory, less than 12 months old.",
        ),
    },
    {
        "code": "mhlw-aflatoxin-chilli",
        "hs_prefixes": ["090421", "090422"],
        "condition": "always",
        "evidence": "lab_report",
        "parameter": "aflatoxin",
        "source": "厚生労働省 検査命令 (MHLW inspection order: aflatoxin, capsicum)",
        "url": "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryou/shokuhin/yunyu_kanshi/kensa/index.html",
        "title": (
            "Uji aflatoksin untuk cabai kering (perintah pemeriksaan MHLW)",
            "唐辛子のアフラトキシン検査（厚生労働省検査命令）",
            "Aflatoxin test for dried chilli (MHLW inspection order)",
        ),
        "next_step": (
            "Unggah laporan uji aflatoksin dari laboratorium terakreditasi, tidak lebih dari 12 bulan.",
            "12か月以内の認定試験所によるアフラトキシン試験成績書を登録してください。",
            "Add an aflatoxin lab report from an accredited laboratory, less than 12 months old.",
        ),
    },
    {
        "code": "mhlw-cyanide-cassava",
        "hs_prefixes": ["071410"],
        "condition": "always",
        "evidence": "lab_report",
        "parameter": "cyanide",
        "source": "厚生労働省 検査命令 (MHLW inspection order: cyanide, cassava)",
        "url": "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryou/shokuhin/yunyu_kanshi/kensa/index.html",
        "title": (
            "Uji sianida untuk singkong (perintah pemeriksaan MHLW)",
            "キャッサバのシアン化合物検査（厚生労働省検査命令）",
            "Cyanide test for cassava (MHLW inspection order)",
        ),
        "next_step": (
            "Unggah laporan uji sianida (HCN), tidak lebih dari 12 bulan.",
            "12か月以内のシアン化合物（HCN）試験成績書を登録してください。",
            "Add a cyanide (HCN) lab report less than 12 months old.",
        ),
    },
    {
        "code": "positive-list-residues",
        "hs_prefixes": ["07", "08", "09", "10", "12", "20"],
        "condition": "always",
        "evidence": "lab_report",
        "parameter": "pesticide_residues",
        "source": "食品衛生法 第13条第3項 ポジティブリスト制度（一律基準 0.01 ppm）",
        "url": "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryou/shokuhin/zanryu/index.html",
        "title": (
            "Residu pestisida di bawah batas (batas seragam 0,01 ppm bila tidak ada BMR)",
            "残留農薬（残留基準がない場合は一律基準0.01ppm）",
            "Pesticide residues within limits (uniform 0.01 ppm where no MRL is set)",
        ),
        "next_step": (
            "Unggah laporan uji multiresidu pestisida, tidak lebih dari 12 bulan.",
            "12か月以内の残留農薬一斉分析の試験成績書を登録してください。",
            "Add a multi-residue pesticide lab report less than 12 months old.",
        ),
    },
    {
        "code": "jas-organic",
        "hs_prefixes": [],
        "condition": "organic",
        "evidence": "permit",
        "permit_kind": "jas_organic",
        "source": "日本農林規格等に関する法律 (JAS Act): 有機JAS",
        "url": "https://www.maff.go.jp/j/jas/jas_kikaku/yuuki.html",
        "title": (
            "Sertifikat JAS organik (hanya untuk klaim organik)",
            "有機JAS認証（有機表示をする場合のみ）",
            "Organic JAS certificate (only for an organic claim)",
        ),
        "next_step": (
            "Dapatkan sertifikat JAS organik dari lembaga sertifikasi terdaftar, atau hapus klaim organik.",
            "登録認証機関から有機JAS認証を取得するか、有機の表示をやめてください。",
            "Obtain organic JAS certification from a registered body, or drop the organic claim.",
        ),
    },
    {
        "code": "halal-on-request",
        "hs_prefixes": [],
        "condition": "halal",
        "evidence": "permit",
        "permit_kind": "halal",
        "source": "Buyer requirement; UU 33/2014 Jaminan Produk Halal (BPJPH)",
        "url": "https://bpjph.halal.go.id/",
        "title": (
            "Sertifikat halal BPJPH (bila diminta pembeli)",
            "ハラール認証（バイヤーが求める場合）",
            "Halal certificate from BPJPH (when the buyer asks)",
        ),
        "next_step": (
            "Ajukan sertifikat halal ke BPJPH (reguler atau self-declare).",
            "BPJPHにハラール認証（通常または自己申告）を申請してください。",
            "Apply to BPJPH for halal certification (regular or self-declare).",
        ),
    },
    {
        "code": "food-labeling-act",
        "hs_prefixes": list(FOOD_CHAPTERS),
        "condition": "always",
        "evidence": "label",
        "source": "食品表示法・食品表示基準 (Food Labeling Act and Standards)",
        "url": "https://www.caa.go.jp/policies/policy/food_labeling/food_labeling_act/",
        "title": (
            "Label berbahasa Jepang menurut Undang-Undang Pelabelan Pangan",
            "食品表示法に基づく日本語表示",
            "Japanese label under the Food Labeling Act",
        ),
        "next_step": (
            "Lengkapi data label: nama, bahan, isi bersih, umur simpan, penyimpanan dan gizi.",
            "名称、原材料、内容量、賞味期限、保存方法、栄養成分の情報を入力してください。",
            "Complete the label data: name, ingredients, net contents, shelf life, storage and nutrition.",
        ),
    },
    {
        "code": "importer-of-record",
        "hs_prefixes": [],
        "condition": "always",
        "evidence": "importer",
        "source": "関税法 第67条 (Customs Act, Art. 67: the importer declares)",
        "url": "https://www.customs.go.jp/english/summary/import.htm",
        "title": (
            "Importir tercatat (importer of record) di Jepang",
            "日本側の輸入者（インポーター・オブ・レコード）",
            "Importer of record in Japan",
        ),
        "next_step": (
            "Cari importir melalui pembeli atau mitra Toyama dan catat namanya.",
            "バイヤーや富山市の関係者を通じて輸入者を見つけ、登録してください。",
            "Find an importer through a buyer or the Toyama side and record it.",
        ),
    },
    {
        "code": "ijepa-origin",
        "hs_prefixes": [],
        "condition": "always",
        "evidence": "origin",
        "source": "IJEPA Chapter 3 and Annex 2 (Form IJEPA, Permendag on SKA)",
        "url": "https://www.mofa.go.jp/region/asia-paci/indonesia/epa0708/index.html",
        "title": (
            "Kriteria asal barang IJEPA terpenuhi (SKA Form IJEPA)",
            "日インドネシアEPAの原産地基準を満たす（原産地証明書 Form IJEPA）",
            "IJEPA origin criterion met (Form IJEPA)",
        ),
        "next_step": (
            "Lengkapi bahan baku dengan asal dan nilai, lalu periksa penasihat asal barang.",
            "原材料の原産地と価額を入力し、原産地判定を確認してください。",
            "Enter each input's origin and value, then check the origin advisor.",
        ),
    },
]

# IJEPA product-specific rules by HS prefix, the longest prefix first wins. Simplified from
# Annex 2 of the Agreement for the chapters above; the platform admin reviews them with the
# SKA office before certificates are applied for.
ORIGIN_RULES: list[tuple[str, str, str]] = [
    ("03", "WO", "IJEPA Annex 2, Chapter 3"),
    ("0714", "WO", "IJEPA Annex 2, Chapter 7"),
    ("0801", "WO", "IJEPA Annex 2, Chapter 8"),
    ("0804", "WO", "IJEPA Annex 2, Chapter 8"),
    ("0813", "CTH", "IJEPA Annex 2, Chapter 8"),
    ("0901", "WO", "IJEPA Annex 2, Chapter 9"),
    ("0904", "WO", "IJEPA Annex 2, Chapter 9"),
    ("0908", "WO", "IJEPA Annex 2, Chapter 9"),
    ("0910", "WO", "IJEPA Annex 2, Chapter 9"),
    ("16", "CTH", "IJEPA Annex 2, Chapter 16"),
    ("20", "CTH/QVC40", "IJEPA Annex 2, Chapter 20"),
    ("21", "CTH/QVC40", "IJEPA Annex 2, Chapter 21"),
    ("", "CTH/QVC40", "IJEPA Chapter 3, Art. 29 (general rule)"),
]


def origin_rule_for(hs_code: str) -> tuple[str, str]:
    """(criterion, source) of the product-specific rule for ``hs_code``."""
    for prefix, criterion, source in sorted(ORIGIN_RULES, key=lambda r: -len(r[0])):
        if hs_code.startswith(prefix):
            return criterion, source
    raise LookupError(hs_code)


def seed(rule_model: Any, translation_model: Any) -> None:
    """Create the rules that are missing (by code), with their three languages; rules the admin
    has edited are left as they are. Used by migration 0002 and by the demo (a flushed test
    database has lost the migration's rows)."""
    for position, data in enumerate(JAPAN_RULES):
        rule, created = rule_model.objects.get_or_create(
            code=data["code"],
            defaults={
                "position": position,
                "hs_prefixes": data["hs_prefixes"],
                "condition": data["condition"],
                "evidence": data["evidence"],
                "parameter": data.get("parameter", ""),
                "permit_kind": data.get("permit_kind", ""),
                "source": data["source"],
                "url": data["url"],
            },
        )
        if not created:
            continue
        for language, title, next_step in zip(
            ("id", "ja", "en"), data["title"], data["next_step"], strict=True
        ):
            translation_model.objects.create(
                master=rule, language_code=language, title=title, next_step=next_step
            )
