"""Staff see the messages that failed and send them again from the admin."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core import mail

from core.models import OutgoingEmail

pytestmark = pytest.mark.django_db
INDEX = "/admin/outgoing_email/"


@pytest.fixture
def clerk(client):
    """A member of a group that may see outgoing e-mail and nothing else of it."""
    group = Group.objects.create(name="Clerks")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_outgoingemail"),
    )
    user = User.objects.create_user("clerk")
    user.groups.add(group)
    client.force_login(user)
    return client


def failed(subject: str = "Ваше обращение зарегистрировано") -> OutgoingEmail:
    return OutgoingEmail.objects.create(
        recipient="anna@example.ru", subject=subject, body="…", attempts=3, last_error="timed out"
    )


def test_an_unsent_message_offers_to_be_sent_again(clerk):
    email = failed()
    html = clerk.get(INDEX, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert f"{INDEX}send-again/{email.pk}/" in html
    assert f"{INDEX}send-again/" in html
    assert "Отправить ещё раз" in html


def test_sending_again_delivers_at_once(clerk, django_capture_on_commit_callbacks):
    email = failed()
    page = clerk.get(f"{INDEX}send-again/{email.pk}/", HTTP_ACCEPT_LANGUAGE="ru")
    assert page.status_code == 200 and email.subject in page.content.decode()
    assert "1 неотправленное письмо будет отправлено сейчас" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = clerk.post(f"{INDEX}send-again/{email.pk}/")
    assert response.status_code == 302 and response["Location"] == INDEX
    email.refresh_from_db()
    assert email.sent_at is not None
    assert [m.subject for m in mail.outbox] == [email.subject]


def test_every_unsent_message_at_once(clerk, django_capture_on_commit_callbacks):
    for n in range(3):
        failed(f"Письмо {n}")
    with django_capture_on_commit_callbacks(execute=True):
        clerk.post(f"{INDEX}send-again/")
    assert not OutgoingEmail.objects.filter(sent_at__isnull=True).exists()
    assert len(mail.outbox) == 3


def test_a_sent_message_is_not_sent_again(clerk, django_capture_on_commit_callbacks):
    email = failed()
    with django_capture_on_commit_callbacks(execute=True):
        clerk.post(f"{INDEX}send-again/{email.pk}/")
    assert clerk.post(f"{INDEX}send-again/{email.pk}/").status_code == 404
    assert len(mail.outbox) == 1


def test_staff_without_the_permission_cannot_send(client):
    user = User.objects.create_user("editor")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    email = failed()
    response = client.post(f"{INDEX}send-again/{email.pk}/")
    assert response.status_code in (302, 403)
    email.refresh_from_db()
    assert email.sent_at is None
