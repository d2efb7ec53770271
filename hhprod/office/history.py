from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin

from hhprod.lib.admin import OfficeAdmin, is_key


class HistoryAdmin(OfficeAdmin, SimpleHistoryAdmin):
    """The admin with a History page: who changed what and when, a fixed number of queries per page.

    Each history entry rebuilds the object to print its name; the related rows that
    name reads (a take's scene, a call's day and production) come with the page's one
    query instead of one query per entry, and the list names each entry by them
    (office/object_history_list.html).
    """

    object_history_list_template = "office/object_history_list.html"
    history_select_related = ()  # deeper paths than the tracked foreign keys, for __str__

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        queryset = super().get_history_queryset(request, history_manager, pk_name, object_id)
        # select_related() with no names would drop the tracked foreign keys already selected.
        return queryset.select_related(*self.history_select_related) if self.history_select_related else queryset

    def history_view(self, request, object_id, extra_context=None):
        # simple_history looks up an id from the URL as it comes: text that is no id is no page.
        if not is_key(self.model._meta.pk, unquote(object_id)):
            raise Http404
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        history_pk = self.model.history.model._meta.pk
        if not (is_key(self.model._meta.pk, unquote(object_id)) and is_key(history_pk, version_id)):
            raise Http404
        # simple-history checks only the view permission, then saves whatever is posted:
        # a revert is a change, so it needs the change permission, as the change page does.
        if request.method not in ("GET", "HEAD") and not self.has_change_permission(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)
