from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import OutgoingEmail


class OutgoingEmailViewSet(ModelViewSet):
    """Staff who may view outgoing e-mail see what was sent and what failed (personal data:
    only groups given the `view` permission on outgoing e-mails)."""

    model = OutgoingEmail
    icon = "mail"
    menu_label = _("Outgoing e-mail")
    add_to_admin_menu = True
    list_display = ["subject", "created_at", "sent_at", "attempts", "last_error"]
    list_filter = ["sent_at", "attempts"]
    inspect_view_enabled = True
    form_fields = ["recipient", "subject", "body"]


@hooks.register("register_admin_viewset")
def register_outgoing_email() -> OutgoingEmailViewSet:
    return OutgoingEmailViewSet("outgoing_email")


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs) -> None:
    """The page cache keys a copy on the versions of what this page type shows."""
    request.page_cache_page = page
