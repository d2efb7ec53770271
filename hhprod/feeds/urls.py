from django.urls import path

from . import views

app_name = "feeds"
urlpatterns = [
    path("", views.my_calendars, name="mine"),
    # The token is in the path, where a calendar application keeps it: the server's access log
    # holds it too, so that log is kept private (README), and a revoked token opens nothing.
    path("<str:token>/schedule-<int:production>.ics", views.schedule_feed, name="schedule"),
    path("<str:token>/calls.ics", views.calls_feed, name="calls"),
]
