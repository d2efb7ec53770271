from django.urls import path

from . import views

app_name = "onset"
urlpatterns = [
    path("day/<int:day_id>/takes/", views.take_logging, name="take-logging"),
    path("day/<int:day_id>/takes/save/", views.save_take, name="save-take"),
    path("day/<int:day_id>/takes/preview/", views.preview, name="preview"),
]
