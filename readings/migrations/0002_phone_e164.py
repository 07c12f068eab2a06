# Customers' phones in E.164 (core/phone.py), the ones already stored included.

import phonenumber_field.modelfields
import phonenumbers
from django.db import migrations

APP = "readings"
MODELS = ["Submission"]

def to_e164(apps, schema_editor):
    """Phones typed before the one phone type: stored in E.164 when they are valid numbers
    (invalid ones are kept as typed; staff still read them)."""
    for model_name in MODELS:
        model = apps.get_model(APP, model_name)
        for pk, phone in model.objects.exclude(phone="").values_list("pk", "phone"):
            try:
                number = phonenumbers.parse(str(phone), "RU")
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
                model.objects.filter(pk=pk).update(phone=e164)


class Migration(migrations.Migration):

    dependencies = [
        ('readings', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='submission',
            name='phone',
            field=phonenumber_field.modelfields.PhoneNumberField(blank=True, max_length=128, region='RU', verbose_name='phone'),
        ),
        migrations.RunPython(to_e164, migrations.RunPython.noop),
    ]
