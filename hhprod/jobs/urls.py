from django.urls import path

from . import views

app_name = "jobs"
urlpatterns = [
    path("", views.job_list, name="list"),
    path("<uuid:job>/", views.job_page, name="job"),
    path("<uuid:job>/progress/", views.job_progress, name="progress"),
    path("<uuid:job>/file/", views.job_file, name="file"),
]
