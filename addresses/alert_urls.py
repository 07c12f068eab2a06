"""Mounted at /clients/outages/subscribe/ (ruses/urls.py), beside the outages page."""

from django.urls import path

from .alert_views import confirm_view, done_view, sent_view, subscribe_view, unsubscribe_view

urlpatterns = [
    path("", subscribe_view, name="alerts_subscribe"),
    path("sent/", sent_view, name="alerts_sent"),
    path("confirm/<str:value>/", confirm_view, name="alerts_confirm"),
    path("confirmed/", done_view("confirmed"), name="alerts_confirm_done"),
    path("unsubscribe/<str:value>/", unsubscribe_view, name="alerts_unsubscribe"),
    path("unsubscribed/", done_view("unsubscribed"), name="alerts_unsubscribe_done"),
]
