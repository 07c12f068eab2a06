"""Previews: an editor sees a notice on the public outages page before publishing it (Wagtail's
PreviewableMixin; the tariff period's preview is tested in tariffs/tests/)."""

import pytest
from django.contrib.auth.models import User
from django.test import RequestFactory

from disclosure.models import MeterVisitNotice, OutageNotice

pytestmark = pytest.mark.django_db


def preview(record) -> str:
    request = RequestFactory().get("/", HTTP_ACCEPT_LANGUAGE="ru")
    request.user = User.objects.create_superuser("editor", "e@example.ru", "x")
    response = record.serve_preview(request, record.default_preview_mode)
    return response.render().content.decode()


@pytest.mark.parametrize("model", [OutageNotice, MeterVisitNotice])
def test_a_notice_is_previewed_on_the_outages_page_with_its_unsaved_changes(model):
    notice = model.objects.filter(live=True).first()
    notice.localities = "Посёлок Предпросмотрово"
    html = preview(notice)
    assert "Посёлок Предпросмотрово" in html
    assert notice.outages_page().title in html
    others = model.objects.filter(live=True).exclude(pk=notice.pk).first()
    assert others is None or others.localities not in html  # this notice alone
