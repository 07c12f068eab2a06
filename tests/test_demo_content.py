"""The demo's own content: the registry of meters the README tells testers to use, and the
staff groups that loading it keeps."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal

from core.staff import DISCLOSURE_EDITORS
from readings.models import Meter
from reception.staff import STAFF_GROUP


@pytest.mark.django_db
def test_the_demo_registry_has_the_two_zone_meter():
    meter = Meter.objects.select_related("account").get(number="12345678")
    assert meter.account.number == "1000000001"
    assert meter.zones == 2
    assert meter.last_readings == (Decimal(10000), Decimal(5000))
    assert Meter.objects.filter(zones=3).exists()
    assert Meter.objects.filter(decimals__gt=0).exists()


@pytest.mark.django_db
def test_group_is_created_by_migrate_and_kept_by_load_demo():
    Group.objects.filter(name=STAFF_GROUP).delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    group = Group.objects.get(name=STAFF_GROUP)
    call_command("load_demo", verbosity=0)
    assert Group.objects.filter(name=STAFF_GROUP).get() == group
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "view_appeal", "change_appeal", "view_outgoingemail"} <= codenames
    assert "delete_appeal" not in codenames
    assert not Permission.objects.filter(
        group__name=DISCLOSURE_EDITORS, codename="view_appeal"
    ).exists()
