import pytest

from faq.models import FAQPage
from home.tests.factories import make_standard_page

from .factories import FAQPageFactory, faq_categories


@pytest.fixture
def payment_page(clients_section):
    return make_standard_page(clients_section, "payment", "Оплата")


@pytest.fixture
def faq_page(clients_section, payment_page) -> FAQPage:
    """/clients/faq/: thirty questions in three categories, each answer linking to
    /clients/payment/."""
    return FAQPageFactory(parent=clients_section, categories=faq_categories(30, payment_page))
