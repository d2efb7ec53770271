"""Names that compare in any case and script, on every database: ЁЛКИН, ёлкин and Ёлкин are one name.

SQLite's LIKE and lower() fold ASCII letters only, and PostgreSQL's follow its collation, so a
named record keeps `name_key`: its name folded in Python (NFKC, then casefold, spaces collapsed),
written on every save, unique per model, and what the admin's search and the import compare.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver

KEY_LENGTH = 600  # folding can lengthen a name: "ß" is "ss", "ﬃ" is "ffi"


def name_key(name):
    """The form two names share when a person would call them the same name."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return " ".join(folded.split())


class NameKeyed(models.Model):
    """A record with a `name` that no other of its kind has in another case."""

    name_key = models.CharField(max_length=KEY_LENGTH, editable=False, help_text="The name, folded: see name_key().")

    class Meta:
        abstract = True

    def save(self, *args, update_fields=None, **kwargs):
        if update_fields is not None and "name" in update_fields:
            update_fields = {*update_fields, "name_key"}
        super().save(*args, update_fields=update_fields, **kwargs)

    def validate_constraints(self, exclude=None):
        """The name's rule worded with the record that has the name already; the unique constraint
        on name_key holds it in the database whatever the writer."""
        exclude = {*(exclude or ()), "name_key"}
        errors = {}
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if self.name and "name" not in exclude:
            same = type(self)._default_manager.filter(name_key=name_key(self.name)).exclude(pk=self.pk).first()
            if same:
                errors.setdefault("name", []).append(
                    f"There is already a {self._meta.verbose_name} named {same.name!r} (id {same.pk}): "
                    "a name is the same in any case."
                )
        if errors:
            raise ValidationError(errors)


def keyed(*records):
    """The records, each with its name key: for a bulk write, which neither saves nor sends pre_save."""
    for record in records:
        record.name_key = name_key(record.name)
    return list(records)


class NameSearch:
    """A ModelAdmin's search that also finds a name typed in any case: SQLite's own search folds
    ASCII letters only, so "ёлкин" would miss "ЁЛКИН"."""

    def get_search_results(self, request, queryset, search_term):
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if key := name_key(search_term):
            found |= queryset.filter(name_key__contains=key)
        return found, may_have_duplicates


@receiver(pre_save)
def keep_name_key(sender, instance, raw=False, **kwargs):
    # On pre_save rather than in save(): a fixture's records are saved without save().
    if isinstance(instance, NameKeyed):
        instance.name_key = name_key(instance.name)


def fill_name_keys(app_label, model_name, kind):
    """A data migration's step: each record's name key from its name. Names that are one name in
    another case cannot both be kept under the rule, and which to keep is a person's decision: the
    migration stops, naming them (`kind`: "People", "Rigs"...), and nothing is changed."""

    def fill(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        by_key = {}
        for record in model.objects.order_by("pk"):
            record.name_key = name_key(record.name)
            by_key.setdefault(record.name_key, []).append(record)
        clashes = [same for same in by_key.values() if len(same) > 1]
        if clashes:
            named = "; ".join(", ".join(f"{record.name!r} (id {record.pk})" for record in same) for same in clashes)
            raise RuntimeError(
                f"{kind} with the same name, in one case or another: {named}. A name is now the same in any "
                f"case: rename or merge each group in the admin, then migrate again."
            )
        records = [record for same in by_key.values() for record in same]
        model.objects.bulk_update(records, ["name_key"], batch_size=500)

    return fill
