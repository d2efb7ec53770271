from django.urls import path

from . import stripboard_views, views

urlpatterns = [
    path("scenes/<int:pk>/breakdown/", views.breakdown_sheet, name="breakdown_sheet"),
    path("stripboard/", stripboard_views.stripboard_index, name="stripboard_index"),
    path("<int:production>/stripboard/", stripboard_views.stripboard, name="stripboard"),
    path("<int:production>/stripboard/move/", stripboard_views.move, name="stripboard_move"),
    path("<int:production>/stripboard/undo/", stripboard_views.undo, name="stripboard_undo"),
    path("<int:production>/stripboard/lock/", stripboard_views.lock, name="stripboard_lock"),
    path("<int:production>/stripboard/add-day/", stripboard_views.add_day_view, name="stripboard_add_day"),
]
