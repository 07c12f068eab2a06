from django.core.management.base import BaseCommand

from addresses.alerts import cleanup


class Command(BaseCommand):
    help = "Deletes outage-alert subscriptions left unconfirmed for 7 days (run it daily)."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"Unconfirmed subscriptions deleted: {cleanup()}.")
