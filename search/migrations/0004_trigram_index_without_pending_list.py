from django.db import migrations


def without_pending_list(apps, schema_editor):
    # A GIN index with fastupdate collects new entries in a pending list that every search
    # reads through until VACUUM merges it: after the indexer teaches the vocabulary a batch
    # of words, each typo's trigram search slowed to tens of milliseconds. The vocabulary
    # grows rarely; its inserts can afford to update the index at once.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER INDEX search_term_word_trgm SET (fastupdate = off)")
        schema_editor.execute("SELECT gin_clean_pending_list('search_term_word_trgm')")


def with_pending_list(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER INDEX search_term_word_trgm RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_postings"),
    ]

    operations = [
        migrations.RunPython(without_pending_list, with_pending_list),
    ]
