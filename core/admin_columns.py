"""Columns every admin list shares: a yes/no as an icon with its word, the publication status
in words (moderation included), a person by one name (in lists, choices and exports alike).
Wagtail's own show `True`/`False` in a tooltip and know nothing of a workflow in progress."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, QuerySet
from django.db.models.functions import Cast
from django.forms import ModelChoiceField
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.utils import get_user_display_name
from wagtail.models import WorkflowMixin, WorkflowState

LIVE = pgettext_lazy("publication status", "live")
LIVE_WITH_DRAFT = pgettext_lazy("publication status", "live, with a draft")
DRAFT = pgettext_lazy("publication status", "draft")
IN_MODERATION = pgettext_lazy("publication status", "in moderation")
SCHEDULED = pgettext_lazy("publication status", "scheduled")
EXPIRED = pgettext_lazy("publication status", "expired")


def with_moderation(queryset: QuerySet) -> QuerySet:
    """Annotates `in_moderation` in the list's one query (no query per row)."""
    model = queryset.model
    if not issubclass(model, WorkflowMixin):
        return queryset
    states = WorkflowState.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    return queryset.annotate(in_moderation=Exists(states))


def publication_status(instance) -> str:
    if getattr(instance, "in_moderation", False):
        return str(IN_MODERATION)
    if instance.live:
        return str(LIVE_WITH_DRAFT if instance.has_unpublished_changes else LIVE)
    if instance.expired:
        return str(EXPIRED)
    return str(SCHEDULED if instance.go_live_at else DRAFT)


class StatusColumn(StatusTagColumn):
    def __init__(self, **kwargs):
        super().__init__(
            "publication_status",
            label=_("Status"),
            accessor=publication_status,
            sort_key="live",
            primary=lambda instance: instance.live,
            **kwargs,
        )


class YesNoColumn(Column):
    """An icon and its word, so that the meaning is not in the colour alone."""

    cell_template_name = "core/admin/yes_no_cell.html"


class PersonColumn(Column):
    """A user by the name Wagtail shows everywhere else: the full name, else the login."""

    def get_value(self, instance):
        user = super().get_value(instance)
        return get_user_display_name(user) if user else "—"


class PersonChoiceField(ModelChoiceField):
    """A choice of users, each by the same name as in the lists."""

    def label_from_instance(self, obj) -> str:
        return get_user_display_name(obj)
