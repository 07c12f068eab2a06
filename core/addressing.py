"""Russian street names and house numbers in one comparable form.

The address directory (`addresses/`) and the notices that name the addresses they cover
(`disclosure/`) are typed by different people at different times: «ул. Ленина», «Ленина ул.»
and «улица ленина» must be one street, «12», «12а» and «д. 12/1» house 12. Both keep the key
of `street_key()` beside the name they show and compare keys, and both describe houses with
`HouseSpan`, so «a notice covers an address» is one query on either side."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

TOKEN_RE = re.compile(r"[0-9a-zа-я]+(?:-[0-9a-zа-я]+)*")
HOUSE_RE = re.compile(r"\d+")

# Street types and the ways people write them; a name without a type is an «улица».
STREET_TYPES = {
    "улица": ("ул", "улица"),
    "проспект": ("пр-т", "пр-кт", "просп", "проспект"),
    "переулок": ("пер", "переулок"),
    "шоссе": ("ш", "шоссе"),
    "бульвар": ("б-р", "бул", "бульвар"),
    "площадь": ("пл", "площадь"),
    "проезд": ("пр-д", "проезд"),
    "набережная": ("наб", "набережная"),
    "микрорайон": ("мкр", "мкрн", "микрорайон"),
    "тупик": ("туп", "тупик"),
    "аллея": ("аллея",),
    "квартал": ("кв-л", "квартал"),
}
TYPE_OF_WORD = {word: kind for kind, words in STREET_TYPES.items() for word in words}
# Words that name neither a street nor a house: «дом 5», «д. 5», «г. Подольск».
FILLER_WORDS = frozenset({"д", "дом", "г", "город", "корп", "к", "стр", "строение", "кв"})


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text.lower().replace("ё", "е"))


def street_key(name: str) -> str:
    """«ул. Ленина» → «улица:ленина»; the words in order of the alphabet, so that «Садовая
    улица» and «улица Садовая» agree."""
    words = tokens(name)
    kinds = [TYPE_OF_WORD[word] for word in words if word in TYPE_OF_WORD]
    rest = sorted(word for word in words if word not in TYPE_OF_WORD)
    return f"{kinds[0] if kinds else 'улица'}:{' '.join(rest)}"


def locality_key(name: str) -> str:
    """«г. Подольск» and «подольск» are one locality."""
    return " ".join(word for word in tokens(name) if word not in FILLER_WORDS)


def house_number(text: str) -> int | None:
    """The number of a house as ranges count it: «12а», «12/1», «д. 12 к. 2» → 12."""
    match = HOUSE_RE.search(text)
    return int(match.group()) if match else None


class HouseSpan(models.Model):
    """Which houses of a street: all of them, one, or a range of all, odd or even numbers."""

    ALL = "all"
    ODD = "odd"
    EVEN = "even"
    PARITIES = [(ALL, _("all numbers")), (ODD, _("odd numbers")), (EVEN, _("even numbers"))]

    house_from = models.PositiveIntegerField(
        null=True,
        blank=True,
        verbose_name=_("from house"),
        help_text=_("Empty: the whole street."),
    )
    house_to = models.PositiveIntegerField(
        null=True,
        blank=True,
        verbose_name=_("to house"),
        help_text=_("Empty: the first house alone."),
    )
    parity = models.CharField(max_length=4, choices=PARITIES, default=ALL, verbose_name=_("houses"))

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        if self.house_to is not None and self.house_from is None:
            raise ValidationError({"house_from": _("Give the first house of the range.")})
        if self.house_from is not None and (self.house_to or self.house_from) < self.house_from:
            raise ValidationError({"house_to": _("The range must not end before it starts.")})

    @property
    def houses_label(self) -> str:
        if self.house_from is None:
            return str(_("all houses"))
        if self.house_to is None or self.house_to == self.house_from:
            return str(_("house %(number)s") % {"number": self.house_from})
        label = str(
            _("houses %(first)s–%(last)s") % {"first": self.house_from, "last": self.house_to}
        )
        if self.parity != self.ALL:
            label += f" ({self.get_parity_display()})"
        return label


def houses_q(number: int, prefix: str = "") -> models.Q:
    """The spans (of a `HouseSpan` model, or of one related through `prefix`, e.g.
    "covered_addresses__") that include house `number`."""

    def q(**lookups) -> models.Q:
        return models.Q(**{prefix + name: value for name, value in lookups.items()})

    parity = HouseSpan.ODD if number % 2 else HouseSpan.EVEN
    in_range = q(house_from__lte=number) & (
        q(house_to__gte=number) | (q(house_to__isnull=True) & q(house_from=number))
    )
    return q(house_from__isnull=True) | (in_range & q(parity__in=[HouseSpan.ALL, parity]))
