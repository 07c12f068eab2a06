from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import IndexView, PermissionCheckedMixin, WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from . import route_cache
from .models import OutgoingEmail
from .outbox import send_again

URLS = "outgoing_email"  # the viewset's name, and so its URL namespace


class OutgoingEmailIndexView(IndexView):
    """Each unsent message offers "send again"; the header, every unsent message at once."""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.sent_at is None:
            url = reverse(f"{URLS}:send_again", args=[instance.pk])
            buttons.append(MenuItem(_("Send again"), url=url, icon_name="mail", priority=5))
        return buttons

    @cached_property
    def header_more_buttons(self):
        url = reverse(f"{URLS}:send_again_all")
        button = Button(_("Send every unsent message now"), url=url, icon_name="mail")
        return [*super().header_more_buttons, button]


class SendAgainView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Asks, then sends at once the unsent message `pk` (or every unsent one) instead of
    waiting for its next retry. Whoever may see the failures may retry them: the message and
    its recipient stay as they were."""

    permission_required = "view"
    template_name = "core/admin/send_again.html"
    page_title = _("Send again")
    header_icon = "mail"
    index_url_name = ""

    def unsent(self):
        emails = OutgoingEmail.objects.filter(sent_at__isnull=True)
        if "pk" in self.kwargs:
            emails = emails.filter(pk=get_object_or_404(emails, pk=self.kwargs["pk"]).pk)
        return emails

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        emails = self.unsent()
        context.update(
            count=emails.count(), emails=emails[:20], index_url=reverse(self.index_url_name)
        )
        return context

    def post(self, request, *args, **kwargs):
        queued = send_again(self.unsent())
        message = ngettext(
            "%(count)d message is being sent again.",
            "%(count)d messages are being sent again.",
            queued,
        )
        messages.success(request, message % {"count": queued})
        return redirect(self.index_url_name)


class OutgoingEmailViewSet(ModelViewSet):
    """Staff who may view outgoing e-mail see what was sent and what failed, and may send a
    failed message again (personal data: only groups given the `view` permission)."""

    model = OutgoingEmail
    icon = "mail"
    menu_label = _("Outgoing e-mail")
    add_to_admin_menu = True
    index_view_class = OutgoingEmailIndexView
    list_display = ["subject", "created_at", "sent_at", "attempts", "next_attempt_at", "last_error"]
    list_filter = ["sent_at", "attempts"]
    inspect_view_enabled = True
    form_fields = ["recipient", "subject", "body"]

    def get_urlpatterns(self):
        view = SendAgainView.as_view(
            permission_policy=self.permission_policy,
            index_url_name=self.get_url_name("index"),
        )
        return [
            *super().get_urlpatterns(),
            path("send-again/", view, name="send_again_all"),
            path("send-again/<int:pk>/", view, name="send_again"),
        ]


@hooks.register("register_admin_viewset")
def register_outgoing_email() -> OutgoingEmailViewSet:
    return OutgoingEmailViewSet(URLS)


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs) -> None:
    """The page cache keys a copy on the versions of what this page type shows."""
    request.page_cache_page = page


hooks.register("before_serve_page", route_cache.remember)


@hooks.register("construct_homepage_panels")
def only_what_needs_doing(request, panels) -> None:
    """Wagtail's "your most recent edits" is history, not a task: the admin home lists work."""
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") != "recent_edits"]
