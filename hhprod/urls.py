from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Hardcore Henry production office"
admin.site.site_title = "hhprod"
admin.site.index_title = "Schedule, rigs and takes"
admin.site.site_url = "/"  # "View site": the day's page, which every login may open

urlpatterns = [
    path("", include("hhprod.today.urls")),
    path("admin/", admin.site.urls),
    path("reports/", include("hhprod.reports.urls")),
    path("plan/", include("hhprod.planning.urls")),
    path("set/", include("hhprod.onset.urls")),
    path("calendars/", include("hhprod.feeds.urls")),
    path("jobs/", include("hhprod.jobs.urls")),
]
handler400 = "hhprod.lib.params.bad_request"
