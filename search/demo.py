"""Demo synonyms: how customers write and how the site says it."""

from wagtail.models import Page

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
    # The home pages were published before the site pointed at them (no URL yet): index
    # them now that it does.
    for page in Page.objects.filter(depth=2).live():
        indexer.index_object(page)
