import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "email, lands_on",
    [
        ("sari@batang.example", "/id/dashboard/"),
        ("yamada@toyama.example", "/ja/dashboard/"),  # in her own language
        ("dewi@student.example", "/id/applications/"),  # an applicant has no dashboard
    ],
)
def test_login_lands_each_persona_in_the_right_place(demo, client, email, lands_on):
    response = client.post(
        "/id/accounts/login/", {"username": email, "password": "sistercity-demo"}
    )
    assert response.status_code == 302 and response["Location"] == lands_on


def test_wrong_password_is_refused_with_a_message(demo, client):
    response = client.post(
        "/en/accounts/login/", {"username": "sari@batang.example", "password": "nope"}
    )
    assert response.status_code == 200
    assert "correct" in response.content.decode()


@pytest.mark.parametrize(
    "persona, shown, hidden",
    [
        ("sari", ["/id/dashboard/", "/id/waste/"], ["/id/applications/", "/id/reviews/"]),
        ("rina", ["/id/reviews/"], ["/id/applications/"]),
        ("dewi", ["/id/applications/"], ["/id/dashboard/", "/id/reviews/", "/id/waste/"]),
    ],
)
def test_navigation_shows_each_persona_what_they_use(demo, client, persona, shown, hidden):
    client.force_login(demo.users[persona])
    nav = client.get("/id/").content.decode().split("</nav>")[0]
    assert all(f'href="{url}"' in nav for url in shown)
    assert not any(f'href="{url}"' in nav for url in hidden)
