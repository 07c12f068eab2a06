"""Wagtail's migrations create the groups "Editors" and "Moderators" and the workflow
"Moderators approval"; staff read them in Russian. Renamed, not recreated, so that the people in
them stay; core/staff.py then grants each group exactly its permissions."""

from django.db import migrations

RENAMES = {
    "auth.Group": {
        "Editors": "Редакторы раскрытия информации",
        "Moderators": "Модераторы",
    },
    "wagtailcore.Workflow": {"Moderators approval": "Утверждение модераторами"},
    "wagtailcore.Task": {"Moderators approval": "Проверка модератором"},
}


def rename(apps, schema_editor, reverse=False):
    for label, names in RENAMES.items():
        model = apps.get_model(label)
        for old, new in names.items():
            old, new = (new, old) if reverse else (old, new)
            if not model.objects.filter(name=new).exists():
                model.objects.filter(name=old).update(name=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, reverse=True)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_outbox_backoff"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
