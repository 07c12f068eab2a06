"""The signed links of the e-mails, mounted at /alerts/ (ruses/urls.py): a fixed path, since
sent e-mails carry it. The form itself follows the outages page (alert_views.PAGE_ROUTES)."""

from django.urls import path

from .alert_views import confirm_view, done_view, unsubscribe_view

urlpatterns = [
    path("confirm/<str:value>/", confirm_view, name="alerts_confirm"),
    path("confirmed/", done_view("confirmed"), name="alerts_confirm_done"),
    path("unsubscribe/<str:value>/", unsubscribe_view, name="alerts_unsubscribe"),
    path("unsubscribed/", done_view("unsubscribed"), name="alerts_unsubscribe_done"),
]
