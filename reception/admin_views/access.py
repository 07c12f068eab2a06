from django.core.exceptions import PermissionDenied

from ..staff import VIEW_APPEALS


class StaffOnlyMixin:
    """Only users with the permission (the appeals group, superusers); others get 403."""

    permission_required = VIEW_APPEALS

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission_required):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
