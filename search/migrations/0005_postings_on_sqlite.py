"""SQLite searches the postings too (search.backends.postings): their covering index, and the
postings of the entries indexed before."""

from django.db import migrations


def postings_on_sqlite(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    from search.backends.postings import weights

    schema_editor.execute(
        "CREATE INDEX search_posting_stem ON search_searchposting "
        "(stem, language, entry_id, section_key, weight)"
    )
    SearchEntry = apps.get_model("search", "SearchEntry")
    SearchPosting = apps.get_model("search", "SearchPosting")
    SearchPosting.objects.all().delete()
    rows = []
    for entry in SearchEntry.objects.iterator():
        rows += [
            SearchPosting(
                entry_id=entry.pk,
                stem=stem,
                language=entry.language,
                section_key=entry.section_key,
                weight=weight,
            )
            for stem, weight in weights(entry.heading, entry.tasks, entry.text).items()
        ]
        if len(rows) >= 2000:
            SearchPosting.objects.bulk_create(rows)
            rows = []
    SearchPosting.objects.bulk_create(rows)


def drop_postings_on_sqlite(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP INDEX IF EXISTS search_posting_stem")
        apps.get_model("search", "SearchPosting").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0004_trigram_index_without_pending_list")]

    operations = [migrations.RunPython(postings_on_sqlite, drop_postings_on_sqlite)]
