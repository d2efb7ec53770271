"""The take-log import in the take admin: upload, map the columns, preview, then confirm.

Upload: the file is read with the limits of takefiles.py and held in the database
(TakeImportUpload) under a random id that belongs to the login, rather than in one server's
temp folder under a name the browser sends back. Map: each of the file's columns beside the
take-log column it fills (guessed, remembered per production), changeable; checking the mapping
runs the preview (a dry run: every row's fate). Confirm: the held file is taken out of the
database and imported with its mapping, whatever the outcome; a file never confirmed expires.
"""

from itertools import islice

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_GET, require_POST
from import_export.admin import ImportMixin
from import_export.forms import ImportForm

from hhprod.productions.models import Production

from .import_progress import Progress, progress_of
from .imports import TakeImport
from .mapping import ALL_COLUMNS, MappingRefused, applied, guess, remember
from .models import TakeImportUpload
from .takefiles import FileRefused, TakeLogALE, TakeLogCSV, TakeLogXLSX, check_size, read_take_log
from .takeresource import TakeResource

KINDS = ["csv", "xlsx", "ale"]  # in the order of import_formats: the form's format is an index
SAMPLES = 3  # values shown beside each column on the mapping page
SHOWN_REFUSALS = 20  # a confirm's message names this many refused rows: it is kept in the session
# A preview lists this many refused rows and this many others, the rest counted: a 50,000-row
# file's every line made an 11 MB page, which a phone on set struggles with.
SHOWN_FATES = 1000


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


class MappingForm(forms.Form):
    """One choice per column of the file: the take-log column it fills, or none (left out)."""

    day = forms.IntegerField(
        required=False, min_value=1, label="Shoot day", help_text="For a file with no Day or Date column."
    )
    skip_logged = forms.BooleanField(required=False, label="Add only the takes not yet logged")

    def __init__(self, headers, samples, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.headers = headers
        choices = [("", "— left out —"), *((column, column) for column in ALL_COLUMNS)]
        for position, header in enumerate(headers):
            self.fields[f"column_{position}"] = forms.ChoiceField(
                choices=choices, required=False, label=header or f"Column {position + 1}", help_text=samples[position]
            )

    def columns(self):
        return [self.cleaned_data[f"column_{position}"] for position in range(len(self.headers))]

    def column_fields(self):
        return [self[f"column_{position}"] for position in range(len(self.headers))]


class TakeConfirmImportForm(forms.Form):
    """Names the held file by its id, and nothing else: the rest is in the held record."""

    upload = forms.UUIDField(widget=forms.HiddenInput)


class UploadInMemory:
    """The upload read where Django put it (memory, or its own temporary file)."""

    name = None

    def __init__(self, import_file):
        self.import_file = import_file

    def read(self):
        return b"".join(self.import_file.chunks())


class TakeImportAdmin(ImportMixin):
    """Takes' import: a dry run shows every row's fate; one bad row and nothing is written."""

    resource_classes = [TakeResource]
    import_formats = [TakeLogCSV, TakeLogXLSX, TakeLogALE]
    import_form_class = TakeImportForm
    confirm_form_class = TakeConfirmImportForm
    import_template_name = "admin/shooting/take/import.html"

    def has_import_permission(self, request):
        # An import logs takes and adds the scenes it names.
        return request.user.has_perms(["shooting.add_take", "planning.add_scene"])

    def get_urls(self):
        mapping = path(
            "import/<uuid:upload>/",
            self.admin_site.admin_view(self.mapping_view),
            name="shooting_take_import_map",
        )
        progress = path(
            "import/<uuid:upload>/progress/",
            self.admin_site.admin_view(self.progress_view),
            name="shooting_take_import_progress",
        )
        return [mapping, progress, *super().get_urls()]

    def add_data_read_fail_error_to_form(self, form, error):
        if isinstance(error, FileRefused):
            form.add_error("import_file", str(error))
        else:
            super().add_data_read_fail_error_to_form(form, error)

    def get_import_resource_kwargs(self, request, form=None, **kwargs):
        return {"production": getattr(form, "cleaned_data", {}).get("production")}

    def write_to_tmp_storage(self, import_file, input_format):
        return UploadInMemory(import_file)

    def import_action(self, request, **kwargs):
        """The upload: a file read within the limits is held, and its columns go to be mapped; a
        file refused is shown again with its reason (by the library's form)."""
        TakeImportUpload.objects.expired().delete()
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = self.create_import_form(request)
        if request.method == "POST" and form.is_valid():
            cleaned = form.cleaned_data
            data = UploadInMemory(cleaned["import_file"]).read()
            kind = KINDS[int(cleaned["format"])]
            try:
                rows = len(read_take_log(data, kind))
            except FileRefused:
                pass
            else:
                upload = TakeImportUpload.objects.create(
                    user=request.user,
                    production=cleaned["production"],
                    file_name=cleaned["import_file"].name,
                    kind=kind,
                    data=data,
                    rows=rows,
                )
                return redirect("admin:shooting_take_import_map", upload.pk)
        return super().import_action(request, **kwargs)

    def mapping_view(self, request, upload):
        """Each column beside the take-log column it fills; with a mapping checked, every row's fate."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        held = TakeImportUpload.objects.held_for(request.user).filter(pk=upload).first()
        if held is None:
            raise Http404("That file is not held for you: upload it again.")
        log = read_take_log(bytes(held.data), held.kind, checked=False)
        rows = len(log) if held.rows is None else held.rows
        headers = [str(header or "") for header in log.headers]
        first = list(islice(log, SAMPLES))
        samples = [", ".join(str(row[p]) for row in first if row[p] not in (None, "")) for p in range(len(headers))]
        initial = {f"column_{p}": column for p, column in enumerate(guess(headers, held.production))}
        form = MappingForm(headers, samples, request.POST or None, initial=initial)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Import {held.file_name}: map its columns",
            "opts": self.model._meta,
            "held": held,
            "form": form,
            "rows": rows,
            "rows_shown": f"{rows:,}",
        }
        if request.method == "POST" and form.is_valid():
            try:
                mapped, left_out = applied(log, form.columns())
            except MappingRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                options = {"day": form.cleaned_data["day"], "skip_logged": form.cleaned_data["skip_logged"]}
                held.mapping = {"columns": form.columns(), **options}
                held.save(update_fields=["mapping"])
                checked = TakeImport(
                    held.production, **options, progress=Progress(request.user.pk, held.pk, "checked"), most=SHOWN_FATES
                ).run(mapped, dry_run=True, total=rows)
                context.update(
                    row_fates=checked.lines(),
                    left_out=left_out,
                    passed=checked.passed,
                    skipped=checked.skipped,
                    refused_as_logged=f"{checked.refused_as_logged:,}" if checked.refused_as_logged else "",
                    confirm_form=TakeConfirmImportForm(initial={"upload": held.pk}) if checked.passed else None,
                )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/shooting/take/import_map.html", context)

    @method_decorator(require_GET)
    def progress_view(self, request, upload):
        """How far this login's check or import of the held file has got: {"done", "total", "verb"},
        or {} before the first report. Asked by the waiting page's script (import_progress.js)."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        return JsonResponse(progress_of(request.user.pk, upload) or {})

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
        if not upload or not upload.mapping or not TakeImportUpload.objects.filter(pk=upload.pk).delete()[0]:
            messages.error(
                request,
                f"Nothing imported: that preview is not held for you (a preview is kept "
                f"{settings.TAKE_IMPORT_PREVIEW_HOURS} hours and confirmed once). Upload the file again.",
            )
            return redirect("admin:shooting_take_import")
        try:
            log = read_take_log(bytes(upload.data), upload.kind, checked=False)
            headers = list(log.headers)
            columns = upload.mapping["columns"]
            mapped, _ = applied(log, columns)
        except (FileRefused, MappingRefused) as refusal:
            messages.error(request, f"Nothing imported: {refusal}")
            return redirect("admin:shooting_take_import")
        imported = TakeImport(
            upload.production,
            day=upload.mapping["day"],
            skip_logged=upload.mapping["skip_logged"],
            progress=Progress(request.user.pk, upload.pk, "imported"),
            fates=False,
            most=SHOWN_REFUSALS,
        ).run(mapped, file_name=upload.file_name, user=request.user, total=upload.rows)
        if not imported.passed:
            # The data changed underfoot between preview and confirm (another import, an edit), or
            # the file was refused part-way down (a limit lowered since its upload).
            messages.error(request, "Nothing imported: " + " ".join(imported.lines()))
            return redirect("admin:shooting_take_import")
        remember(upload.production, headers, columns)
        # Each take's history row records who imported it from which file: no admin log entry
        # per take as well (the library's process_result), which would hold every take in memory.
        messages.success(
            request,
            f"Imported {imported.new:,} takes into {upload.production} from {upload.file_name}{imported.afterword()}.",
        )
        return redirect("admin:shooting_take_changelist")
