"""The load balancer's health check: 200 while the database and the cache answer, 503 naming
what fails otherwise (a web machine whose Redis is gone is taken out of the rotation)."""

import pytest

pytestmark = pytest.mark.django_db


def test_healthy_when_database_and_cache_answer(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "failing": []}
    assert "no-cache" in response["Cache-Control"]


def test_failing_when_the_cache_cannot_be_reached(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        }
    }
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"status": "failing", "failing": ["cache"]}
