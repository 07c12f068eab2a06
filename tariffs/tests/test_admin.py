"""Tariffs in the admin: the checks an editor's entry must pass and the moderation workflow
(an editor submits, an approver publishes)."""

from datetime import UTC, date, datetime
from unittest import mock

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import WorkflowState

from tariffs import moderation, zones
from tariffs.models import TariffPeriod, TariffsPage

from .factories import TariffPeriodFactory, TariffRegionFactory

URL = "/clients/tariffs/"


@pytest.fixture
def region(tariffs_page):
    return TariffRegionFactory(slug="test-region", name="Тестовый край", sort_order=0)


# --- validation in the model and the admin ------------------------------------------------------


@pytest.mark.django_db
def test_model_rejects_overlapping_and_backwards_periods(region):
    TariffPeriodFactory(region=region, valid_from=date(2027, 1, 1), valid_to=date(2027, 12, 31))
    overlapping = TariffPeriodFactory.build(region=region, valid_from=date(2027, 7, 1))
    with translation.override("ru"), pytest.raises(ValidationError) as error:
        overlapping.full_clean()
    assert "пересекается" in str(error.value.message_dict["valid_from"])
    other_option = TariffPeriodFactory.build(
        region=region, valid_from=date(2027, 7, 1), metering_option=zones.TWO_ZONE
    )
    other_option.full_clean()  # another metering option does not overlap
    backwards = TariffPeriodFactory.build(
        region=region, valid_from=date(2028, 7, 1), valid_to=date(2028, 6, 1)
    )
    with translation.override("ru"), pytest.raises(ValidationError) as error:
        backwards.full_clean()
    assert error.value.message_dict["valid_to"] == [
        "Период должен заканчиваться позже, чем начинается."
    ]


def formset(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
        data[f"{prefix}-{index}-ORDER"] = str(index + 1)
    return data


def period_post(region, *, rates, hours=(), action=None, **fields):
    data = {
        "region": region.pk,
        "category": "urban_gas",
        "metering_option": zones.TWO_ZONE,
        "valid_from": "2030-01-01",
        "valid_to": "",
        "regulator": "Региональная служба по тарифам",
        "decision_number": "1-ТР",
        "decision_date": "2029-12-01",
        "document": "",
        **fields,
        **formset("rates", [{"zone": z, "band_up_to": "", "price": p} for z, p in rates]),
        **formset("zone_hours", [{"zone": z, "start": s, "end": e} for z, s, e in hours]),
        **formset("components", []),
    }
    if action:
        data[action] = "1"
    return data


ADD_URL = "wagtailsnippets_tariffs_tariffperiod:add"


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("boss", "boss@example.ru", "pw")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rates", "hours", "message"),
    [
        (
            [("day", "7.00"), ("night", "3.00")],
            [("day", "07:00", "23:00"), ("night", "22:00", "07:00")],
            "Часы зон пересекаются с 22:00",
        ),
        (
            [("day", "7.00"), ("night", "3.00")],
            [("day", "07:00", "22:00"), ("night", "23:00", "07:00")],
            "Часы зон не охватывают 22:00",
        ),
        (
            [("day", "7.00"), ("night", "0")],
            [("day", "07:00", "23:00"), ("night", "23:00", "07:00")],
            "Тариф должен быть больше нуля.",
        ),
        (
            [("day", "7.00")],
            [("day", "07:00", "23:00"), ("night", "23:00", "07:00")],
            "Укажите тариф для каждой зоны: ночь.",
        ),
    ],
)
def test_admin_form_explains_what_is_wrong(client, superuser, region, rates, hours, message):
    client.force_login(superuser)
    response = client.post(
        reverse(ADD_URL), period_post(region, rates=rates, hours=hours), HTTP_ACCEPT_LANGUAGE="ru"
    )
    assert response.status_code == 200  # the form again, not a redirect
    assert message in response.content.decode()
    assert not TariffPeriod.objects.filter(region=region).exists()


@pytest.mark.django_db
def test_admin_form_accepts_a_correct_period(client, superuser, region):
    client.force_login(superuser)
    data = period_post(
        region,
        rates=[("day", "7.00"), ("night", "3.00")],
        hours=[("day", "07:00", "23:00"), ("night", "23:00", "07:00")],
    )
    response = client.post(reverse(ADD_URL), data)
    assert response.status_code == 302
    period = TariffPeriod.objects.get(region=region)
    assert period.live is False  # saved as a draft
    assert period.rates.count() == 2


# --- the moderation workflow ---------------------------------------------------------------------


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("editor", "editor@example.ru", "pw")
    user.groups.add(Group.objects.get(name=moderation.EDITORS))
    return user


@pytest.fixture
def approver(db):
    user = get_user_model().objects.create_user("approver", "approver@example.ru", "pw")
    user.groups.add(Group.objects.get(name=moderation.APPROVERS))
    return user


def two_zone_post(region, action):
    return period_post(
        region,
        rates=[("day", "7.00"), ("night", "3.00")],
        hours=[("day", "07:00", "23:00"), ("night", "23:00", "07:00")],
        action=action,
    )


@pytest.mark.django_db
def test_editor_cannot_publish_directly(client, editor, region):
    assert not TariffPeriod.snippet_viewset.permission_policy.user_has_permission(editor, "publish")
    client.force_login(editor)
    client.post(reverse(ADD_URL), two_zone_post(region, "action-publish"))
    period = TariffPeriod.objects.get(region=region)  # kept, but only as a draft
    assert not period.live and period.live_revision is None
    html = client.get(URL, {"region": region.slug}).content.decode()
    assert "7,00" not in html


@pytest.mark.django_db
def test_editor_cannot_publish_a_change_to_a_live_period(client, editor, region):
    period = TariffPeriodFactory(
        region=region, metering_option=zones.TWO_ZONE, valid_from=date(2030, 1, 1)
    )
    client.force_login(editor)
    data = two_zone_post(region, "action-publish")
    data["regulator"] = "Подменённый регулятор"
    response = client.post(
        reverse("wagtailsnippets_tariffs_tariffperiod:edit", args=[period.pk]), data
    )
    assert response.status_code == 302
    period.refresh_from_db()
    assert period.regulator == "Региональная служба по тарифам"  # the live row is untouched
    assert period.has_unpublished_changes
    assert "Подменённый регулятор" not in client.get(URL, {"region": region.slug}).content.decode()


@pytest.mark.django_db
def test_editor_submits_and_approver_publishes(client, editor, approver, region):
    client.force_login(editor)
    response = client.post(reverse(ADD_URL), two_zone_post(region, "action-submit"))
    assert response.status_code == 302
    period = TariffPeriod.objects.get(region=region)
    assert not period.live
    state = WorkflowState.objects.for_instance(period).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == moderation.WORKFLOW

    task_state = state.current_task_state
    task = task_state.task.specific
    assert not task.user_can_access_editor(period, editor)
    assert task.user_can_access_editor(period, approver)
    task.on_action(task_state, approver, "approve")
    period.refresh_from_db()
    assert period.live
    assert "7,00" in client.get(URL, {"region": region.slug}).content.decode()


@pytest.mark.django_db
def test_moderation_setup_is_idempotent():
    before = Group.objects.count()
    workflow = moderation.ensure_workflow(apps=django_apps)
    assert moderation.ensure_workflow(apps=django_apps) == workflow
    assert Group.objects.count() == before
    assert workflow.tasks.count() == 1


# --- the admin -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_admin_screens_render_for_editors(client, editor, region):
    client.force_login(editor)
    period = TariffPeriodFactory(region=region)
    for url in [
        reverse("wagtailsnippets_tariffs_tariffperiod:list"),
        reverse(ADD_URL),
        reverse("wagtailsnippets_tariffs_tariffperiod:edit", args=[period.pk]),
    ]:
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_tariffs_page_editor_renders(client, superuser, tariffs_page):
    client.force_login(superuser)
    edit_url = reverse("wagtailadmin_pages:edit", args=[tariffs_page.pk])
    assert client.get(edit_url).status_code == 200


# --- caches ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_page_cache_key_changes_at_moscow_midnight_and_on_publish(region, tariffs_page):
    page = tariffs_page

    def key(month, day, hour, minute=0):
        moment = datetime(2027, month, day, hour, minute, tzinfo=timezone.get_current_timezone())
        with mock.patch("django.utils.timezone.now", return_value=moment.astimezone(UTC)):
            return TariffsPage.objects.get(pk=page.pk).cache_key

    assert key(6, 30, 0) == key(6, 30, 23, 59)
    assert key(6, 30, 23, 59) != key(7, 1, 0, 0)
    period = TariffPeriodFactory(region=region, live=False)
    unchanged = key(6, 30, 12)
    period.save_revision().publish()
    assert key(6, 30, 12) != unchanged


@pytest.mark.django_db
def test_publishing_a_period_purges_the_front_end_cache(
    region, english_tariffs_page, django_capture_on_commit_callbacks
):
    period = TariffPeriodFactory(region=region, live=False)
    with (
        mock.patch("core.expiry.apps.is_installed", return_value=True),
        mock.patch("wagtail.contrib.frontend_cache.utils.PurgeBatch") as batch,
        django_capture_on_commit_callbacks(execute=True),
    ):
        period.save_revision().publish()
    pages = list(batch.return_value.add_pages.call_args.args[0])
    # The tariffs pages and the home pages, which show the announced changes.
    assert {page.url for page in pages} == {
        "/clients/tariffs/",
        "/en/clients/tariffs/",
        "/",
        "/en/",
    }
    assert TariffsPage.objects.first().get_cached_paths() == ["/", "csv/", "json/"]
