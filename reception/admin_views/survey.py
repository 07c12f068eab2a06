"""A summary of the answers to each survey (§11, §13), for the appeals staff."""

from collections import Counter

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.forms.models import FormSubmission

from ..models import SurveyPage
from .access import StaffOnlyMixin

CHOICE_TYPES = {"radio", "dropdown", "checkboxes", "checkbox", "multiselect"}


def summarise(survey: SurveyPage) -> dict:
    """Per question: counts of each option for choice questions, the latest free answers
    for the others."""
    fields = list(survey.form_fields.all())
    submissions = [
        s.form_data for s in FormSubmission.objects.filter(page=survey).order_by("-submit_time")
    ]
    questions = []
    for field in fields:
        answers = [data.get(field.clean_name) for data in submissions]
        answers = [a for a in answers if a not in (None, "", [])]
        if field.field_type in CHOICE_TYPES:
            counter = Counter()
            for answer in answers:
                counter.update(answer if isinstance(answer, list) else [answer])
            options = [o.strip() for o in field.choices.splitlines() if o.strip()]
            rows = [(option, counter.get(option, 0)) for option in options or counter]
            top = max((n for _, n in rows), default=0) or 1
            questions.append(
                {
                    "label": field.label,
                    "answered": len(answers),
                    "rows": [(o, n, round(100 * n / top)) for o, n in rows],
                }
            )
        else:
            questions.append(
                {"label": field.label, "answered": len(answers), "texts": answers[:20]}
            )
    return {"survey": survey, "total": len(submissions), "questions": questions}


class SurveySummaryView(StaffOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "reception/admin/survey_summary.html"
    page_title = _("Survey results")
    header_icon = "form"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        surveys = SurveyPage.objects.select_related("locale").order_by("locale_id", "path")
        context["summaries"] = [summarise(survey) for survey in surveys]
        return context
