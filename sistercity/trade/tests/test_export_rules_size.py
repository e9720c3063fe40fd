"""Size classes by PP 7/2021 Art. 35 and the identifiers' forms (engine, no database)."""

from decimal import Decimal as D

import pytest

from sistercity.trade.export_rules import (
    SizeClass,
    identifier_problem,
    normalise_hs,
    shares_problem,
    size_class,
)

BILLION = D(1_000_000_000)


@pytest.mark.parametrize(
    "sales, expected",
    [
        # Art. 35(5): micro up to Rp2 bn, small above 2 up to 15 bn, medium above 15 up to 50 bn.
        (D(0), SizeClass.MICRO),
        (2 * BILLION, SizeClass.MICRO),
        (2 * BILLION + 1, SizeClass.SMALL),
        (15 * BILLION, SizeClass.SMALL),
        (15 * BILLION + 1, SizeClass.MEDIUM),
        (50 * BILLION, SizeClass.MEDIUM),
        (50 * BILLION + 1, SizeClass.LARGE),
    ],
)
def test_annual_sales_thresholds_of_article_35_5(sales, expected):
    assert size_class(capital_idr=None, annual_sales_idr=sales) == expected


@pytest.mark.parametrize(
    "capital, expected",
    [
        # Art. 35(3): capital without land and buildings; micro up to Rp1 bn, small up to 5 bn,
        # medium up to 10 bn.
        (BILLION, SizeClass.MICRO),
        (BILLION + 1, SizeClass.SMALL),
        (5 * BILLION, SizeClass.SMALL),
        (5 * BILLION + 1, SizeClass.MEDIUM),
        (10 * BILLION, SizeClass.MEDIUM),
        (10 * BILLION + 1, SizeClass.LARGE),
    ],
)
def test_capital_thresholds_of_article_35_3(capital, expected):
    assert size_class(capital_idr=capital, annual_sales_idr=None) == expected


def test_a_selling_business_is_classed_by_its_sales():
    # Rp3 bn of capital would be small; Rp1.5 bn of sales makes it micro.
    assert size_class(capital_idr=3 * BILLION, annual_sales_idr=D("1.5") * BILLION) == "micro"


def test_size_needs_a_figure_and_refuses_negative_ones():
    with pytest.raises(ValueError):
        size_class(capital_idr=None, annual_sales_idr=None)
    with pytest.raises(ValueError):
        size_class(capital_idr=D(-1), annual_sales_idr=None)


@pytest.mark.parametrize(
    "kind, value, problem",
    [
        ("nib", "9120001234501", None),
        ("nib", "912000123450", "length"),
        ("nib", "91200012345O1", "digits"),
        ("pirt", "206332501012325", None),
        ("pirt", "2063325010123", "length"),
        ("kbli", "13134", None),
        ("kbli", "1313", "length"),
        ("hs", "090811", None),
        ("hs", "0908.1", "digits"),
        ("nib", "９１２０００１２３４５０１", "digits"),  # full-width digits are not ASCII
    ],
)
def test_identifier_forms(kind, value, problem):
    assert identifier_problem(kind, value) == problem


def test_hs_codes_are_written_with_dots():
    assert normalise_hs("0908.11") == "090811"
    assert normalise_hs(" 0908 11 ") == "090811"


def test_recipe_shares_add_up_to_100_within_rounding():
    assert shares_problem([D("60"), D("39.95")]) is None
    assert shares_problem([D("60"), D("30")]) == D("90")
