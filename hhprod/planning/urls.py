from django.urls import path

from . import views

urlpatterns = [
    path("scenes/<int:pk>/breakdown/", views.breakdown_sheet, name="breakdown_sheet"),
]
