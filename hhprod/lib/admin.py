from django.contrib import admin


class OfficeAdmin(admin.ModelAdmin):
    """hhprod's admin forms: what a record is first, where it comes from (its source) last.

    `source` comes from an abstract base, so Django would put it at the top of every form.
    """

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if "source" in fields:
            fields.remove("source")
            fields.append("source")
        return fields
