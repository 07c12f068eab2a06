"""Demo synonyms: how customers write and how the site says it."""

from . import indexer
from .models import SynonymGroup

SYNONYMS = [
    "ЛС, лицевой счёт",
    "ПУ, прибор учёта, счётчик, электросчётчик",
    "свет, электроэнергия, электричество",
    "квитанция, счёт на оплату, платёжный документ",
    "ЛК, личный кабинет",
    "ТУ, технические условия",
    "отключение, перерыв в электроснабжении",
    "долг, задолженность",
    "ЦОК, центр обслуживания",
]


def load(home=None) -> None:
    for terms in SYNONYMS:
        SynonymGroup.objects.get_or_create(terms=terms)
    # Everything, once the other apps' demo content is in place: the home pages were
    # published before the site pointed at them, records may precede their listing pages.
    indexer.rebuild()
