from django.core.management.base import BaseCommand

from core.outbox import retry_unsent


class Command(BaseCommand):
    help = "Retries customer e-mails that failed to send. Run it every few minutes (cron)."

    def handle(self, *args, **options) -> None:
        sent, failed = retry_unsent()
        self.stdout.write(f"Sent {sent}, still unsent {failed}.")
