from django.conf import settings
from django.core.management.base import BaseCommand

from search import indexer


class Command(BaseCommand):
    help = (
        "Rebuilds the site-search index from every page, FAQ question, document and registered "
        "record; also Elasticsearch when ELASTICSEARCH_URL is set."
    )

    def handle(self, *args, **options) -> None:
        count = indexer.rebuild()
        where = "the database and Elasticsearch" if settings.ELASTICSEARCH_URL else "the database"
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} entries in {where}."))
