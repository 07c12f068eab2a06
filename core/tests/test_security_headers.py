"""The headers of a trusted site: a Content-Security-Policy without inline script on every
public page, and no framing (the production settings' `check --deploy`: tests/test_settings.py)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User

ROOT = Path(__file__).resolve().parents[2]


def policy(response) -> dict[str, list[str]]:
    directives = (part.strip().split() for part in response["Content-Security-Policy"].split(";"))
    return {name: values for name, *values in directives}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/search/?q=тариф", "/reception/", "/no-such-page/"])
def test_public_pages_run_only_the_sites_own_scripts(client, home_page, url, settings):
    response = client.get(url)
    csp = policy(response)
    assert csp["script-src"] == ["'self'"] and csp["style-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"]
    assert "https://tile.openstreetmap.org" in csp["img-src"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_the_map_tiles_may_come_only_from_the_configured_server():
    """The tile origin in the policy follows DISCLOSURE_MAP_TILE_URL (read at start-up)."""
    script = (
        "from django.conf import settings;"
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
    )
    env = {**os.environ, "DISCLOSURE_MAP_TILE_URL": "https://tiles.example.ru/{z}/{x}/{y}.png"}
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "https://tiles.example.ru" in out and "openstreetmap" not in out


@pytest.mark.django_db
def test_the_admin_gets_what_wagtails_editor_needs_and_no_more(client):
    client.force_login(User.objects.create_superuser("editor"))
    csp = policy(client.get("/admin/"))
    assert "'unsafe-inline'" in csp["script-src"] and "'unsafe-inline'" in csp["style-src"]
    assert csp["frame-ancestors"] == ["'self'"]  # the editor's live preview
    assert "'unsafe-eval'" not in csp["script-src"]
