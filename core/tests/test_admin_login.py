"""The admin login is throttled per client address, with a clear message in Russian."""

import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db


def sign_in(client, password: str, address: str = "203.0.113.9"):
    return client.post(
        "/admin/login/",
        {"username": "clerk", "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="ru",
    )


def test_wrong_passwords_from_one_address_pause_signing_in(client, settings):
    User.objects.create_user("clerk", password="right-password-1", is_superuser=True)
    limit = settings.AXES_FAILURE_LIMIT
    answers = [sign_in(client, f"guess-{n}").status_code for n in range(limit)]
    # The form again with an error, until the last allowed failure answers with the pause.
    assert answers == [200] * (limit - 1) + [429]
    locked = sign_in(client, "guess-again")
    assert locked.status_code == 429
    assert "Слишком много попыток входа" in locked.content.decode()
    # While the pause lasts even the right password is refused from that address…
    assert sign_in(client, "right-password-1").status_code == 429
    # …but not from another one.
    assert sign_in(client, "right-password-1", address="198.51.100.4").status_code == 302
