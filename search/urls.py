from django.urls import path

from .views import autocomplete_view, search_view

urlpatterns = [
    path("", search_view, name="search"),
    path("suggest/", autocomplete_view, name="search_suggest"),
]
