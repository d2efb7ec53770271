from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:production>/", views.overview, name="overview"),
    path("<int:production>/schedule.ics", views.schedule_ics, name="schedule-ics"),
    path("<int:production>/<slug:slug>/", views.report_page, name="report"),
    path("<int:production>/call-sheets/issue/", views.issue_call_sheet, name="issue-call-sheet"),
]
