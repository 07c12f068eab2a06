"""The monthly report on appeals (§11: staff systematise and analyse appeals)."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count
from django.utils import timezone

from .choices import AnswerChannel, AppealType, Status, Topic
from .models import Appeal


@dataclass
class Bar:
    label: str
    count: int
    percent: int  # of the largest bar in the group, for the chart


@dataclass
class MonthlyReport:
    month: date
    total: int
    answered: int
    answered_on_time: int
    average_days_to_answer: float | None
    by_status: list[Bar] = field(default_factory=list)
    by_topic: list[Bar] = field(default_factory=list)
    by_type: list[Bar] = field(default_factory=list)
    by_channel: list[Bar] = field(default_factory=list)

    @property
    def on_time_percent(self) -> int | None:
        if not self.answered:
            return None
        return round(100 * self.answered_on_time / self.answered)


def month_bounds(month: date) -> tuple[datetime, datetime]:
    """The first moment of the month and of the next one, in the site's time zone."""
    start = month.replace(day=1)
    following = (start + timedelta(days=32)).replace(day=1)
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(following, time.min, tzinfo=zone),
    )


def bars(counts: dict[str, int], choices) -> list[Bar]:
    largest = max(counts.values(), default=0) or 1
    return [
        Bar(str(label), counts.get(value, 0), round(100 * counts.get(value, 0) / largest))
        for value, label in choices
        if counts.get(value, 0)
    ]


def counts_by(queryset, name: str) -> dict[str, int]:
    return dict(queryset.values_list(name).annotate(n=Count("pk")).order_by())


def monthly_report(month: date) -> MonthlyReport:
    """Appeals received in the month: counts by topic, type, chosen channel and status; of
    those answered, the average days to answer and how many were answered by the due date."""
    start, end = month_bounds(month)
    received = Appeal.objects.filter(received_at__gte=start, received_at__lt=end)
    answered = list(
        received.filter(answered_at__isnull=False).values_list(
            "received_at", "answered_at", "due_date"
        )
    )
    on_time = sum(1 for _, at, due in answered if timezone.localtime(at).date() <= due)
    average = (
        round(sum((at - got).total_seconds() for got, at, _ in answered) / len(answered) / 86400, 1)
        if answered
        else None
    )
    return MonthlyReport(
        month=month.replace(day=1),
        total=received.count(),
        answered=len(answered),
        answered_on_time=on_time,
        average_days_to_answer=average,
        by_status=bars(counts_by(received, "status"), Status.choices),
        by_topic=bars(counts_by(received, "topic"), Topic.choices),
        by_type=bars(counts_by(received, "appeal_type"), AppealType.choices),
        by_channel=bars(counts_by(received, "answer_channel"), AnswerChannel.choices),
    )


def status_summary() -> dict:
    """The dashboard panel: open appeals by status, overdue and due within three days."""
    counts = counts_by(Appeal.objects.all(), "status")
    return {
        "by_status": bars(counts, Status.choices),
        "overdue": Appeal.objects.overdue().count(),
        "due_soon": Appeal.objects.due_within(3).count(),
    }
