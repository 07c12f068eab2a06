"""Demo content of the reception: the policy link and the yearly survey."""

from home.demo import PageSpec, ensure_page
from home.models import HomePage

from .models import ReceptionPage, SurveyFormField, SurveyPage

RATING = "Отлично\nХорошо\nУдовлетворительно\nПлохо"
RATING_EN = "Excellent\nGood\nSatisfactory\nPoor"

# Appendix 1 of the standard: the yearly questionnaire on the quality of service.
QUESTIONS = {
    "ru": [
        ("Как вы оцениваете качество обслуживания в целом?", "radio", RATING, True),
        ("Как вы оцениваете вежливость и компетентность сотрудников?", "radio", RATING, True),
        (
            "Какими каналами обслуживания вы пользуетесь?",
            "checkboxes",
            "Центр очного обслуживания\nТелефон\nВиртуальная приёмная\nЭлектронная почта",
            False,
        ),
        ("Удобен ли сайт Общества?", "radio", "Да\nСкорее да\nСкорее нет\nНет", False),
        ("Что нам улучшить?", "multiline", "", False),
    ],
    "en": [
        ("How do you rate our service overall?", "radio", RATING_EN, True),
        ("How do you rate the courtesy and competence of our staff?", "radio", RATING_EN, True),
        (
            "Which channels do you use?",
            "checkboxes",
            "Service centre\nPhone\nVirtual reception\nE-mail",
            False,
        ),
        ("Is our website convenient?", "radio", "Yes\nRather yes\nRather no\nNo", False),
        ("What should we improve?", "multiline", "", False),
    ],
}


def survey_spec() -> PageSpec:
    return PageSpec(
        slug="survey",
        model=SurveyPage,
        title="Анкета удовлетворённости клиентов",
        title_en="Customer satisfaction survey",
        fields={
            "intro": (
                "<p>Раз в год мы спрашиваем клиентов о качестве обслуживания. Анкета "
                "анонимна и займёт пару минут.</p>"
            ),
            "thank_you_text": "<p>Спасибо! Ваши ответы помогут нам работать лучше.</p>",
        },
        fields_en={
            "intro": "<p>Once a year we ask our customers about our service. It is anonymous.</p>",
            "thank_you_text": "<p>Thank you for your answers.</p>",
        },
        show_in_menus=False,
    )


def ensure_survey_fields(survey: SurveyPage) -> None:
    if survey.form_fields.exists():
        return
    questions = QUESTIONS.get(survey.locale.language_code, QUESTIONS["ru"])
    for order, (label, field_type, choices, required) in enumerate(questions):
        SurveyFormField.objects.create(
            page=survey,
            sort_order=order,
            label=label,
            field_type=field_type,
            choices=choices,
            required=required,
        )


def load(home: HomePage) -> None:
    reception = ReceptionPage.objects.filter(
        pk__in=home.get_children().filter(slug="reception").values("pk")
    ).first()
    if reception is None:  # a database from before the reception page type: nothing to add to
        return
    privacy = home.get_children().filter(slug="privacy").first()
    for page in [reception, *(p.specific for p in reception.get_translations())]:
        if page.privacy_page_id is None and privacy is not None:
            page.privacy_page = privacy.get_translation_or_none(page.locale) or privacy
            page.save_revision().publish()
    survey = ensure_page(reception, survey_spec()).specific
    ensure_survey_fields(survey)
    english = survey.get_translations().first()
    if english is not None:
        ensure_survey_fields(english.specific)
