from django.urls import path

from . import views

app_name = "today"
urlpatterns = [
    path("", views.front_page, name="day"),
]
