from django.urls import path

from .views import address_view, suggest_view

urlpatterns = [
    path("", address_view, name="address"),
    path("suggest/", suggest_view, name="address_suggest"),
]
