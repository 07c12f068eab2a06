import pytest

from home.tests.factories import make_standard_page


@pytest.fixture
def tariffs_page(clients_section):
    """A page that the search finds for «тарифов» at /clients/tariffs/, in «Клиентам»."""
    return make_standard_page(
        clients_section, "tariffs", "Тарифы", lead="Цены и тарифы на электроэнергию."
    )
