# Registration numbers now come from django-sequences and the outbox lives in the core app:
# the issued numbers are carried over so that no number is issued twice.

from django.db import migrations


def copy_sequences(apps, schema_editor):
    NumberSequence = apps.get_model("home", "NumberSequence")
    Sequence = apps.get_model("sequences", "Sequence")
    for row in NumberSequence.objects.all():
        Sequence.objects.update_or_create(
            name=f"{row.prefix}-{row.year}", defaults={"last": row.last_value}
        )


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0003_outgoing_email"),
        ("core", "0001_initial"),
        ("sequences", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(copy_sequences, migrations.RunPython.noop),
        migrations.DeleteModel(name="NumberSequence"),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="OutgoingEmail")],
            database_operations=[],
        ),
    ]
