from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

admin.site.site_header = "Hardcore Henry production office"
admin.site.site_title = "hhprod"
admin.site.index_title = "Schedule, rigs and takes"
admin.site.site_url = "/reports/"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="admin:index")),
    path("admin/", admin.site.urls),
    path("reports/", include("hhprod.reports.urls")),
    path("plan/", include("hhprod.planning.urls")),
    path("calendars/", include("hhprod.feeds.urls")),
]
