# The outbox's table gets this app's name; its content type (and so the permissions given
# to staff groups) moves along instead of being created anew.

from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="core", model="outgoingemail").exists():
        ContentType.objects.filter(app_label="home", model="outgoingemail").update(app_label="core")


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0001_initial"),
        ("home", "0004_ground_floor_to_core"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelTable(name="outgoingemail", table=None),
        migrations.RenameIndex(
            model_name="outgoingemail",
            new_name="outbox_unsent_idx",
            old_name="home_outgoi_sent_at_c12914_idx",
        ),
        migrations.RunPython(move_content_type, migrations.RunPython.noop),
    ]
