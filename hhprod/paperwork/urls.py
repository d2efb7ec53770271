from django.urls import path

from . import views

app_name = "paperwork"
urlpatterns = [
    path("<int:production>/call-sheets/issue/", views.issue_call_sheet, name="issue-call-sheet"),
]
