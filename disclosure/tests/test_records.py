"""The rules that disclosure records obey: lead times of outage and meter-visit notices,
what a payment point, a service centre and a grid company must give."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from disclosure.models import (
    MeterVisitNotice,
    PaymentPoint,
)

from .factories import (
    GridCompanyFactory,
    OutageNoticeFactory,
    PaymentPointFactory,
    ServiceCentreFactory,
    ServiceCentreHoursFactory,
)


@pytest.mark.django_db
def test_outage_notice_refused_when_announced_too_late():
    notice = OutageNoticeFactory.build(
        starts_at=timezone.now() + timedelta(days=3), first_published_at=None, live=False
    )
    with translation.override("ru"), pytest.raises(ValidationError) as error:
        notice.full_clean()
    assert "не менее чем за 10 рабочих дней" in str(error.value)
    notice.emergency = True
    notice.full_clean()


@pytest.mark.django_db
def test_outage_notice_needs_an_end_or_a_duration():
    notice = OutageNoticeFactory.build(ends_at=None, duration="")
    with pytest.raises(ValidationError):
        notice.full_clean()
    notice.duration = "до 6 часов"
    notice.full_clean()


@pytest.mark.django_db
def test_meter_visit_notice_needs_ten_days():
    notice = MeterVisitNotice(
        organisation="ООО «РУСЭНЕРГОСБЫТ»",
        work_type="Снятие показаний",
        localities="Клин",
        visit_on=timezone.localdate() + timedelta(days=5),
        time_from="10:00",
        time_to="12:00",
        responsible_position="Инспектор",
        responsible_name="Петров Пётр Петрович",
        contact_phone="+7 495 000-00-00",
    )
    with pytest.raises(ValidationError):
        notice.full_clean()


@pytest.mark.django_db
def test_records_validate():
    office = PaymentPointFactory.build(kind=PaymentPoint.OFFICE, commission=1)
    with pytest.raises(ValidationError):
        office.full_clean()
    online = PaymentPointFactory.build(kind=PaymentPoint.ONLINE, url="", address="")
    with pytest.raises(ValidationError):
        online.full_clean()
    half_located = ServiceCentreFactory.build(longitude=None)
    with pytest.raises(ValidationError):
        half_located.full_clean()
    hours = ServiceCentreHoursFactory.build(break_starts=None)
    with pytest.raises(ValidationError):
        hours.clean()
    bad_phone = GridCompanyFactory.build(dispatcher_phone="звоните")
    with pytest.raises(ValidationError):
        bad_phone.full_clean()
