import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def run_check(settings_module: str, *options: str, **env: str) -> subprocess.CompletedProcess:
    # Without what the test run itself sets (the browser tests allow Django's ORM under
    # Playwright's event loop, which `check --deploy` rightly refuses).
    ignored = {"SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean_env = {k: v for k, v in os.environ.items() if k not in ignored}
    clean_env.update(env, DJANGO_SETTINGS_MODULE=settings_module)
    return subprocess.run(
        [sys.executable, "manage.py", "check", *options],
        cwd=PROJECT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_check("ruses.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = run_check("ruses.settings.production", SECRET_KEY="x" * 49, ALLOWED_HOSTS="example.ru")
    assert result.returncode != 0
    assert "at least 50 characters" in result.stderr


def test_production_starts_with_a_secret_key_and_debug_off():
    result = run_check("ruses.settings.production", SECRET_KEY="x" * 50, ALLOWED_HOSTS="example.ru")
    assert result.returncode == 0, result.stderr
    from ruses.settings import base

    assert base.DEBUG is False  # the base is production-safe without any environment


def test_dev_admin_links_follow_the_port():
    code = (
        "from ruses.settings import dev; print(dev.WAGTAILADMIN_BASE_URL, dev.WAGTAILAPI_BASE_URL)"
    )
    env = {k: v for k, v in os.environ.items() if k != "WAGTAILADMIN_BASE_URL"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env={**env, "PORT": "8412"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["http://localhost:8412", "http://localhost:8412"]


def test_production_settings_pass_the_deployment_check():
    """HSTS, the HTTPS redirect, secure cookies, no framing: `check --deploy` finds nothing."""
    key = "k" * 40 + "-not-a-real-secret-but-long-enough"
    options = ("--deploy", "--fail-level", "WARNING")
    result = run_check("ruses.settings.production", *options, SECRET_KEY=key, ALLOWED_HOSTS="x.ru")
    assert result.returncode == 0, result.stderr + result.stdout
