"""The take-log import in the take admin: upload and preview, then confirm.

django-import-export runs both steps; what is ours: the file is read with the limits of
takefiles.py, and a file whose preview passes is held in the database (TakeImportUpload)
under a random id that belongs to the login, rather than in one server's temp folder
under a name the browser sends back. The confirm step takes it out of the database
before importing it, whatever the outcome; a preview never confirmed expires.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST
from import_export.admin import ImportMixin
from import_export.forms import ImportForm

from hhprod.productions.models import Production

from .imports import TakeResource, row_fates
from .models import TakeImportUpload
from .takefiles import FileRefused, TakeLogCSV, TakeLogXLSX, check_size, read_take_log

KINDS = ["csv", "xlsx"]  # in the order of import_formats: the form's format is an index


class TakeImportForm(ImportForm):
    production = forms.ModelChoiceField(Production.objects.all(), help_text="The production the take log is for.")
    field_order = ["production", "resource", "import_file", "format"]

    def clean_import_file(self):
        file = self.cleaned_data["import_file"]
        try:
            check_size(file.size)
        except FileRefused as refusal:
            raise forms.ValidationError(str(refusal)) from None
        return file


class TakeConfirmImportForm(forms.Form):
    """Names the held preview by its id, and nothing else: the rest is in the held record."""

    upload = forms.UUIDField(widget=forms.HiddenInput)


class UploadInMemory:
    """The preview reads the upload where Django put it; nothing is written until it passes."""

    name = None

    def __init__(self, import_file):
        self.import_file = import_file

    def read(self):
        return b"".join(self.import_file.chunks())


class TakeImportAdmin(ImportMixin):
    """Takes' import: a dry run shows every row's fate; one bad row and nothing is written."""

    resource_classes = [TakeResource]
    import_formats = [TakeLogCSV, TakeLogXLSX]
    import_form_class = TakeImportForm
    confirm_form_class = TakeConfirmImportForm
    import_template_name = "admin/shooting/take/import.html"

    def has_import_permission(self, request):
        # An import logs takes and adds the scenes it names.
        return request.user.has_perms(["shooting.add_take", "shooting.add_scene"])

    def get_import_resource_kwargs(self, request, form=None, **kwargs):
        return {"production": getattr(form, "cleaned_data", {}).get("production")}

    def write_to_tmp_storage(self, import_file, input_format):
        return UploadInMemory(import_file)

    def add_data_read_fail_error_to_form(self, form, error):
        if isinstance(error, FileRefused):
            form.add_error("import_file", str(error))
        else:
            super().add_data_read_fail_error_to_form(form, error)

    def get_confirm_form_initial(self, request, import_form):
        """Called once the preview has passed: hold the file for its confirm step."""
        if import_form is None:
            return {}
        cleaned = import_form.cleaned_data
        upload = TakeImportUpload.objects.create(
            user=request.user,
            production=cleaned["production"],
            file_name=cleaned["import_file"].name,
            kind=KINDS[int(cleaned["format"])],
            data=UploadInMemory(cleaned["import_file"]).read(),
        )
        return {"upload": upload.pk}

    def import_action(self, request, **kwargs):
        TakeImportUpload.objects.expired().delete()
        response = super().import_action(request, **kwargs)
        if result := response.context_data.get("result"):
            response.context_data["row_fates"] = row_fates(result)
        return response

    @method_decorator(require_POST)
    def process_import(self, request, **kwargs):
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = self.create_confirm_form(request)
        upload = (
            form.is_valid()
            and TakeImportUpload.objects.held_for(request.user).filter(pk=form.cleaned_data["upload"]).first()
        )
        # Taken out before the import, whatever it finds: of two confirms of one preview, one imports.
        if not upload or not TakeImportUpload.objects.filter(pk=upload.pk).delete()[0]:
            messages.error(
                request,
                f"Nothing imported: that preview is not held for you (a preview is kept "
                f"{settings.TAKE_IMPORT_PREVIEW_HOURS} hours and confirmed once). Upload the file again.",
            )
            return redirect("admin:shooting_take_import")
        try:
            dataset = read_take_log(bytes(upload.data), upload.kind)
        except FileRefused as refusal:
            messages.error(request, f"Nothing imported: {refusal}")
            return redirect("admin:shooting_take_import")
        result = TakeResource(upload.production).import_data(
            dataset, file_name=upload.file_name, user=request.user, retain_instance_in_row_result=True
        )
        return self.process_result(result, request)

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # The file changed underfoot between preview and confirm (another import, an edit).
            messages.error(request, "Nothing imported: " + " ".join(row_fates(result)))
            return redirect("admin:shooting_take_import")
        return super().process_result(result, request)
