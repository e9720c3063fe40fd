"""The code lists the registry checks against (a data module).

Both are **partial**: the groups and chapters Batang's MSMEs trade in (food processing,
coffee and spices, fish, fruit, batik and other textiles, crafts). A code outside them is
refused as unknown; extend the tables from the official files when a new trade comes in.

- KBLI 2020: Peraturan BPS Nomor 2 Tahun 2020 tentang Klasifikasi Baku Lapangan Usaha
  Indonesia (https://www.bps.go.id/id/publication — "KBLI 2020").
- HS 2022: the WCO Harmonized System, 7th edition, in force 1 January 2022
  (https://www.wcoomd.org/en/topics/nomenclature/instrument-and-tools/hs-nomenclature-2022-edition.aspx),
  6-digit subheadings; ``HS2017_CHANGED`` names the HS 2017 subheadings of these chapters that
  the 2022 edition split or deleted, so a code typed from an old document gets a warning.
"""

KBLI_2020: dict[str, str] = {
    "01270": "Perkebunan tanaman untuk bahan minuman",
    "01281": "Perkebunan lada",
    "01282": "Perkebunan cengkeh",
    "01289": "Perkebunan tanaman rempah-rempah lainnya",
    "03111": "Penangkapan pisces/ikan bersirip di laut",
    "10211": "Industri penggaraman/pengeringan ikan",
    "10212": "Industri pengasapan ikan",
    "10213": "Industri pembekuan ikan",
    "10214": "Industri pemindangan ikan",
    "10216": "Industri berbasis daging lumatan dan surimi",
    "10219": "Industri pengolahan dan pengawetan lainnya untuk ikan",
    "10299": "Industri pengolahan dan pengawetan lainnya untuk biota air lainnya",
    "10313": "Industri pengeringan buah-buahan dan sayuran",
    "10320": "Industri pengolahan sayuran dan buah-buahan dalam kaleng",
    "10393": "Industri pengolahan dan pengawetan lainnya buah-buahan dan sayuran",
    "10750": "Industri makanan dan masakan olahan",
    "10761": "Industri pengolahan kopi",
    "10762": "Industri pengolahan herbal (herb infusion)",
    "10763": "Industri pengolahan teh",
    "10771": "Industri kecap",
    "10772": "Industri bumbu masak dan penyedap masakan",
    "10779": "Industri produk masak dari kelapa dan rempah lainnya",
    "10792": "Industri makanan dari coklat dan kembang gula",
    "10794": "Industri kerupuk, keripik, peyek dan sejenisnya",
    "10799": "Industri produk makanan lainnya",
    "13121": "Industri pertenunan (bukan pertenunan karung goni dan karung lainnya)",
    "13132": "Industri penyempurnaan kain",
    "13133": "Industri pencetakan kain",
    "13134": "Industri batik",
    "14111": "Industri pakaian jadi (konveksi) dari tekstil",
    "16291": "Industri barang dari kayu",
    "16292": "Industri barang anyaman dari tanaman bukan rotan dan bambu",
    "16293": "Industri anyaman dari rotan dan bambu",
    "16299": "Industri barang dari kayu, rotan, gabus lainnya",
    "32909": "Industri pengolahan lainnya",
    "46311": "Perdagangan besar hasil pertanian",
    "47111": "Perdagangan eceran berbagai macam barang yang utamanya makanan",
}

# subheading -> description (English, as the WCO writes it, shortened)
HS_2022: dict[str, str] = {
    "030354": "Mackerel, frozen",
    "030389": "Other fish, frozen",
    "030549": "Smoked fish, other",
    "030559": "Dried fish, other",
    "030569": "Salted fish or fish in brine, other",
    "071410": "Manioc (cassava)",
    "080119": "Coconuts, other than desiccated or in the inner shell",
    "080450": "Guavas, mangoes and mangosteens",
    "081340": "Other dried fruit",
    "081350": "Mixtures of nuts or dried fruits",
    "090111": "Coffee, not roasted, not decaffeinated",
    "090112": "Coffee, not roasted, decaffeinated",
    "090121": "Coffee, roasted, not decaffeinated",
    "090122": "Coffee, roasted, decaffeinated",
    "090411": "Pepper, neither crushed nor ground",
    "090412": "Pepper, crushed or ground",
    "090421": "Fruits of the genus Capsicum or Pimenta, dried, neither crushed nor ground",
    "090422": "Fruits of the genus Capsicum or Pimenta, crushed or ground",
    "090811": "Nutmeg, neither crushed nor ground",
    "090812": "Nutmeg, crushed or ground",
    "090821": "Mace, neither crushed nor ground",
    "090822": "Mace, crushed or ground",
    "091011": "Ginger, neither crushed nor ground",
    "091012": "Ginger, crushed or ground",
    "091030": "Turmeric (curcuma)",
    "160413": "Sardines, sardinella and brisling or sprats, prepared or preserved",
    "160414": "Tunas, skipjack and bonito, prepared or preserved",
    "160415": "Mackerel, prepared or preserved",
    "160419": "Other fish, whole or in pieces, prepared or preserved",
    "160420": "Other prepared or preserved fish",
    "170490": "Sugar confectionery, other",
    "190590": "Bread, pastry, cakes, biscuits and other bakers' wares, other",
    "200599": "Other vegetables and mixtures, prepared or preserved, not frozen",
    "200600": "Fruit, nuts, peel and other parts of plants, preserved by sugar (candied)",
    "200899": "Other fruit and parts of plants, otherwise prepared or preserved",
    "210111": "Extracts, essences and concentrates of coffee",
    "210112": "Preparations with a basis of coffee extracts or of coffee",
    "210390": "Sauces and preparations therefor, other; mixed condiments",
    "442011": "Statuettes and other ornaments, of tropical wood",
    "442019": "Statuettes and other ornaments, of other wood",
    "460211": "Basketwork and wickerwork, of bamboo",
    "460212": "Basketwork and wickerwork, of rattan",
    "460219": "Basketwork and wickerwork, of other vegetable materials",
    "520852": "Woven fabrics of cotton, printed, plain weave, not more than 200 g/m²",
    "520859": "Woven fabrics of cotton, printed, other fabrics",
    "620520": "Men's or boys' shirts, of cotton",
    "621420": "Shawls, scarves and the like, of wool or fine animal hair",
    "621490": "Shawls, scarves and the like, of other textile materials",
}

# HS 2017 subheading -> the HS 2022 subheadings that replace it.
HS2017_CHANGED: dict[str, tuple[str, ...]] = {
    "442010": ("442011", "442019"),
}
