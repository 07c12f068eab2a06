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
from disclosure.services import first_working_day_from

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


def meter_visit(visit_on, time_from="11:00", time_to="13:00") -> MeterVisitNotice:
    return MeterVisitNotice(
        organisation="ООО «РУСЭНЕРГОСБЫТ»",
        work_type="Снятие показаний",
        localities="Клин",
        visit_on=visit_on,
        time_from=time_from,
        time_to=time_to,
        responsible_position="Инспектор",
        responsible_name="Петров Пётр Петрович",
        contact_phone="+7 495 000-00-00",
    )


@pytest.mark.django_db
def test_meter_visit_notice_needs_ten_days():
    with pytest.raises(ValidationError) as caught:
        meter_visit(first_working_day_from(timezone.localdate() + timedelta(days=5))).full_clean()
    assert set(caught.value.message_dict) == {"visit_on"}


@pytest.mark.django_db
def test_meter_visit_notice_on_a_working_day_between_11_and_22():
    """§7 table 3 item 2.2; the old demo notice (a Saturday, 10:00–16:00) is refused."""
    working_day = first_working_day_from(timezone.localdate() + timedelta(days=14))
    meter_visit(working_day).full_clean()
    saturday = working_day + timedelta(days=(5 - working_day.weekday()) % 7)
    with pytest.raises(ValidationError) as caught:
        meter_visit(saturday, "10:00", "16:00").full_clean()
    assert set(caught.value.message_dict) == {"visit_on", "time_from"}


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


@pytest.mark.django_db
def test_online_payment_is_not_a_locality():
    online = PaymentPointFactory.build(
        kind=PaymentPoint.ONLINE, url="https://lk.example.ru/", address="", locality="Онлайн"
    )
    with pytest.raises(ValidationError) as caught:
        online.full_clean()
    assert "locality" in caught.value.message_dict
    online.locality = ""
    online.full_clean()
    office = PaymentPointFactory.build(kind=PaymentPoint.OFFICE, commission=0, locality="")
    with pytest.raises(ValidationError):
        office.full_clean()


@pytest.mark.django_db
def test_round_the_clock_centre_is_open_on_a_holiday():
    hotline = ServiceCentreFactory(kind="remote", round_the_clock=True)
    new_year = timezone.make_aware(timezone.datetime(2027, 1, 1, 3, 0))
    assert hotline.is_open(new_year)
    office = ServiceCentreFactory()
    assert not office.is_open(new_year)
