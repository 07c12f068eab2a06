"""The reception at /reception/ (and in English) with its policy link, and the yearly
survey below it."""

import pytest

from home.tests.factories import translate
from reception.models import ReceptionPage, SurveyPage

from .factories import ReceptionPageFactory, SurveyPageFactory


@pytest.fixture
def reception_page(home_page, privacy_page) -> ReceptionPage:
    return ReceptionPageFactory(parent=home_page, privacy_page=privacy_page)


@pytest.fixture
def english_reception_page(reception_page, privacy_page) -> ReceptionPage:
    english_privacy = translate(privacy_page, title="Personal data policy")
    return translate(reception_page, title="Virtual reception", privacy_page=english_privacy)


@pytest.fixture
def survey_page(reception_page) -> SurveyPage:
    return SurveyPageFactory(parent=reception_page)
