"""Outage alerts for a street with 10,000 confirmed subscribers, on whatever DATABASE_URL
points at, with tasks waiting in the database for the worker as in production
(django_tasks_db).

    .venv/bin/python benchmarks/alerts_fanout.py             # SQLite (a fresh /tmp file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ruses_bench \\
        .venv/bin/python benchmarks/alerts_fanout.py

Times (1) the editor's publish of a notice covering the street: the request's work, which
only queues one task; (2) that task as the worker runs it: one `AlertSent` row and one
outbox e-mail per subscriber, and the send tasks queued in batches; (3) the same task run
again, as a retry: nothing new. Appends the figures to benchmarks/alerts_fanout.txt.
"""

import os
import time
from pathlib import Path

from _setup import setup, write

OUTPUT = Path(__file__).resolve().parent / "alerts_fanout.txt"
SUBSCRIBERS = 10_000


def main() -> None:
    os.environ["TASKS_BACKEND"] = "django_tasks_db.DatabaseBackend"
    database = setup("ruses-alerts-bench.sqlite3")

    from django.db import transaction
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from addresses import alerts
    from addresses.models import AlertSent, Street, Subscription
    from core.models import OutgoingEmail
    from disclosure.models import OutageCoverage, OutageNotice

    street = Street.objects.select_related("locality").get(
        locality__name="Подольск", name="Садовая улица"
    )
    Subscription.objects.filter(email__endswith="@bench.example").delete()
    now = timezone.now()
    created = Subscription.objects.bulk_create(
        Subscription(email=f"s{n}@bench.example", consent_version="bench", confirmed_at=now)
        for n in range(SUBSCRIBERS)
    )
    Subscription.streets.through.objects.bulk_create(
        Subscription.streets.through(subscription_id=s.pk, street_id=street.pk) for s in created
    )
    template = OutageNotice.objects.live().first()
    notice = OutageNotice.objects.get(pk=template.pk)
    notice.pk = notice.id = None
    notice.live, notice.work_type = False, "Бенчмарк: замена опор"
    notice.latest_revision = notice.live_revision = None
    notice.save()
    OutageCoverage.objects.create(notice=notice, locality="Подольск", street=street.name)
    queued_before = DBTaskResult.objects.count()

    start = time.perf_counter()
    with transaction.atomic():
        notice.save_revision().publish()
    publish = time.perf_counter() - start
    queued = DBTaskResult.objects.count() - queued_before

    start = time.perf_counter()
    sent = alerts.notify_task.call(notice._meta.label, notice.pk, "published")
    fanout = time.perf_counter() - start
    batches = DBTaskResult.objects.count() - queued_before - queued

    start = time.perf_counter()
    again = alerts.notify_task.call(notice._meta.label, notice.pk, "published")
    retry = time.perf_counter() - start

    emails = OutgoingEmail.objects.filter(recipient__endswith="@bench.example").count()
    write(
        OUTPUT,
        f"{time.strftime('%d.%m.%Y %H:%M')} {database}, load average "
        f"{os.getloadavg()[0]:.1f}: {SUBSCRIBERS} subscribers of one street\n"
        f"  publish (the editor's request): {publish * 1000:.0f} ms, tasks queued: {queued}\n"
        f"  notify task (worker): {fanout:.2f} s, alerts queued: {sent}, e-mails stored: "
        f"{emails}, send tasks queued: {batches}\n"
        f"  the same task again (a retry): {retry:.2f} s, alerts queued: {again}\n",
    )
    AlertSent.objects.filter(notice_id=notice.pk).delete()
    OutgoingEmail.objects.filter(recipient__endswith="@bench.example").delete()
    Subscription.objects.filter(email__endswith="@bench.example").delete()
    notice.delete()


if __name__ == "__main__":
    main()
