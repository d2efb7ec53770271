"""The take list with the take-log import on it: the import's views join the take admin here,
one layer above the record of takes."""

from django.contrib import admin

from hhprod.shooting.admin import TakeAdmin
from hhprod.shooting.models import Take

from .import_admin import TakeImportAdmin


@admin.register(Take)
class TakeWithImportAdmin(TakeImportAdmin, TakeAdmin):
    """Takes, and the take-log import (import_admin.py)."""
