"""The glossary check as a pure function: which translations it accepts and refuses."""

from sistercity.glossary.check import Checker, Entry

CALL = Entry("call", ["call", "calls", "open call"], ["seleksi", "lowongan"], ["panggilan"])
SISTER = Entry("sister city", ["sister city", "sister-city"], ["kota kembar"])
CITY = Entry("city", ["city", "cities"], ["kota"])
REGENCY = Entry("regency", ["regency"], ["県"], ["カブパテン"])


def test_the_agreed_term_and_its_variants_pass():
    checker = Checker([CALL])
    assert checker.check("Open calls", "Seleksi terbuka") == []
    assert checker.check("The call is open", "Lowongan magang dibuka") == []


def test_a_calque_is_refused_by_name_and_as_missing_the_term():
    findings = Checker([CALL]).check("Open calls", "Panggilan terbuka")
    assert [f.problem for f in findings] == ["avoided: panggilan", "missing"]
    assert "Open calls" in str(findings[0])


def test_an_avoided_word_fails_even_beside_the_agreed_term():
    findings = Checker([REGENCY]).check("regency (kabupaten)", "県（カブパテン）")
    assert [f.problem for f in findings] == ["avoided: カブパテン"]


def test_words_match_whole_and_in_any_case():
    checker = Checker([CALL])
    assert checker.check("It was called off", "Dibatalkan") == []
    assert checker.check("recall", "penarikan") == []
    assert checker.check("CALL", "panggilan") != []


def test_placeholders_and_markup_are_not_words():
    checker = Checker([CALL])
    assert checker.check("%(call)s was sent to {call}", "%(call)s dikirim ke {call}") == []
    assert checker.check('<a class="call">Hi</a>', "Halo") == []


def test_a_longer_concept_hides_the_shorter_one_inside_it():
    checker = Checker([CITY, SISTER])
    assert checker.check("Sister-city partnerships", "Kerja sama kota kembar") == []
    # "city" alone is still checked where it stands on its own.
    assert [f.concept for f in checker.check("A sister city and a city", "kota kembar")] == []
    assert [f.concept for f in checker.check("the city hall", "balai")] == ["city"]


def test_empty_texts_are_not_checked():
    assert Checker([CALL]).check("Open calls", "") == []
    assert Checker([CALL]).check("", "panggilan") == []


def test_concepts_in_lists_what_an_english_text_names():
    checker = Checker([CALL, CITY, SISTER])
    assert checker.concepts_in("Open calls for sister-city exchanges") == ["sister city", "call"]
