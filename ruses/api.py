"""The read API at /api/v2/: pages, documents and images, as Wagtail serves them."""

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


class PagesEndpoint(PagesAPIViewSet):
    pagination_class = BoundedPagination


class DocumentsEndpoint(DocumentsAPIViewSet):
    pagination_class = BoundedPagination


class ImagesEndpoint(ImagesAPIViewSet):
    pagination_class = BoundedPagination


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("documents", DocumentsEndpoint)
api_router.register_endpoint("images", ImagesEndpoint)
