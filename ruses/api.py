"""The read API at /api/v2/: pages, documents and images, as Wagtail serves them."""

import re

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

# Far beyond any list the site has; a larger offset would overflow the database's integer.
MAX_OFFSET = 1_000_000


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class WordSearchFilter(SearchFilter):
    """Searches the words of the query only. Wagtail's database backend hands the query to
    SQLite's full-text engine as it is, where quotes and brackets are syntax (a 500), and
    cannot compile a query of no word at all (which finds nothing here)."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return super().filter_queryset(request, queryset, view)
        words = " ".join(re.findall(r"\w+", request.GET["search"]))
        if not words:
            return queryset.none()
        query = request.GET.copy()
        query["search"] = words
        request._request.GET = query
        return super().filter_queryset(request, queryset, view)


def word_search(filters: list) -> list:
    return [WordSearchFilter if f is SearchFilter else f for f in filters]


class PagesEndpoint(PagesAPIViewSet):
    pagination_class = BoundedPagination
    filter_backends = word_search(PagesAPIViewSet.filter_backends)


class DocumentsEndpoint(DocumentsAPIViewSet):
    pagination_class = BoundedPagination
    filter_backends = word_search(DocumentsAPIViewSet.filter_backends)


class ImagesEndpoint(ImagesAPIViewSet):
    pagination_class = BoundedPagination
    filter_backends = word_search(ImagesAPIViewSet.filter_backends)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("documents", DocumentsEndpoint)
api_router.register_endpoint("images", ImagesEndpoint)
