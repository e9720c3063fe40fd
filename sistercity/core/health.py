"""The health check a load balancer asks each web machine: can this process reach the database
and the cache? Not translated and outside the language prefixes, as machines read it."""

import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    failing = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        failing.append("database")
    key = f"health:{uuid.uuid4().hex}"
    try:
        cache.set(key, 1, timeout=10)
        reached = cache.get(key) == 1
        cache.delete(key)
    except Exception:  # any client error (Redis down, refused, timed out) means unreachable
        reached = False
    if not reached:
        failing.append("cache")
    return JsonResponse(
        {"status": "failing" if failing else "ok", "failing": failing},
        status=503 if failing else 200,
    )
