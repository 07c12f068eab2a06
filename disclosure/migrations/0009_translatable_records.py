"""Service centres, payment points, grid companies, notices and disclosed documents become
translatable (Wagtail's TranslatableMixin): every existing record is in the default locale
with a translation key of its own. The unique names and the one head office hold per locale."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELS = [
    "discloseddocument",
    "gridcompany",
    "metervisitnotice",
    "outagenotice",
    "paymentpoint",
    "servicecentre",
]


def to_default_locale(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for name in MODELS:
        model = apps.get_model("disclosure", name)
        if not model.objects.exists():
            continue
        locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        for pk in model.objects.values_list("pk", flat=True):
            model.objects.filter(pk=pk).update(locale=locale, translation_key=uuid.uuid4())
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
        ("disclosure", "0008_decree_documents_unpublish_permission"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="paymentpoint", name="unique_payment_point"),
        migrations.RemoveConstraint(model_name="servicecentre", name="one_head_office"),
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
        migrations.RunPython(to_default_locale, migrations.RunPython.noop),
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
        migrations.AlterField(
            model_name="gridcompany",
            name="name",
            field=models.CharField(max_length=200, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="servicecentre",
            name="name",
            field=models.CharField(max_length=150, verbose_name="name"),
        ),
        migrations.AddConstraint(
            model_name="gridcompany",
            constraint=models.UniqueConstraint(
                fields=("name", "locale"), name="unique_grid_company_name"
            ),
        ),
        migrations.AddConstraint(
            model_name="paymentpoint",
            constraint=models.UniqueConstraint(
                fields=("name", "locality", "address", "locale"), name="unique_payment_point"
            ),
        ),
        migrations.AddConstraint(
            model_name="servicecentre",
            constraint=models.UniqueConstraint(
                fields=("name", "locale"), name="unique_centre_name"
            ),
        ),
        migrations.AddConstraint(
            model_name="servicecentre",
            constraint=models.UniqueConstraint(
                condition=models.Q(("head_office", True)),
                fields=("head_office", "locale"),
                name="one_head_office",
                violation_error_message="Another service centre is already the head office.",
            ),
        ),
    ]
