"""The rows of the contracts, norms and additional-services pages become translatable with their
page: each row takes its page's locale, and a row of an English page the translation key of the
Russian page's row at the same position (so wagtail-localize pairs them); other rows a fresh key."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELS = ["additionalservice", "consumptionnorm", "contractform"]


def pair_rows(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Locale = apps.get_model("wagtailcore", "Locale")
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    for name in MODELS:
        model = apps.get_model("disclosure", name)
        rows: dict[int, list] = {}
        for row in model.objects.order_by("page_id", "sort_order", "pk"):
            rows.setdefault(row.page_id, []).append(row)
        pages = {
            page.pk: page
            for page in Page.objects.filter(pk__in=list(rows)).only(
                "pk", "locale_id", "translation_key"
            )
        }
        keys: dict[tuple, uuid.UUID] = {}
        # Russian pages first, so that their rows' keys are there to pair with.
        for page_id in sorted(rows, key=lambda pk: pages[pk].locale_id != default.pk):
            page = pages[page_id]
            for position, row in enumerate(rows[page_id]):
                key = keys.setdefault((page.translation_key, position), uuid.uuid4())
                model.objects.filter(pk=row.pk).update(locale_id=page.locale_id, translation_key=key)
    if schema_editor.connection.vendor == "postgresql":
        # Check the new foreign keys now, so that the columns can be altered in this transaction.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def locale_field(null: bool) -> models.ForeignKey:
    return models.ForeignKey(
        editable=False,
        null=null,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="wagtailcore.locale",
        verbose_name="locale",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure", "0009_translatable_records"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *[
            operation
            for name in MODELS
            for operation in (
                migrations.AddField(
                    model_name=name,
                    name="translation_key",
                    field=models.UUIDField(editable=False, null=True),
                ),
                migrations.AddField(model_name=name, name="locale", field=locale_field(True)),
            )
        ],
        migrations.RunPython(pair_rows, migrations.RunPython.noop),
        *[
            operation
            for name in MODELS
            for operation in (
                migrations.AlterField(
                    model_name=name,
                    name="translation_key",
                    field=models.UUIDField(default=uuid.uuid4, editable=False),
                ),
                migrations.AlterField(model_name=name, name="locale", field=locale_field(False)),
                migrations.AlterUniqueTogether(
                    name=name, unique_together={("translation_key", "locale")}
                ),
            )
        ],
    ]
