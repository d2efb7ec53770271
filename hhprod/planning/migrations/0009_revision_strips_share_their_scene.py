"""Revisions locked before a split scene's parts shared its pages kept the whole scene's pages on each
part (the White baseline of the seed added up to 80 7/8 pages for a 70 7/8-page script). Where a locked
revision's parts of a scene add up to more than the scene, each part gets its share, as strip_eighths
divides them now (5/8 in three parts: 2/8, 2/8, 1/8). Parts that add up to the scene or less are kept."""

from collections import defaultdict

from django.db import migrations


def share_split_scenes(apps, schema_editor):
    strips = apps.get_model("planning", "RevisionStrip").objects.using(schema_editor.connection.alias)
    split = strips.filter(parts__gt=1, scene__page_eighths__isnull=False, page_eighths__isnull=False)
    parts = defaultdict(list)
    for strip in split.select_related("scene").order_by("revision", "scene", "part"):
        parts[strip.revision_id, strip.scene_id].append(strip)
    changed = []
    for placed in parts.values():
        whole = placed[0].scene.page_eighths
        if sum(strip.page_eighths for strip in placed) <= whole:
            continue
        share, odd = divmod(whole, placed[0].parts)
        for strip in placed:
            strip.page_eighths = share + (1 if strip.part <= odd else 0)
            changed.append(strip)
    strips.bulk_update(changed, ["page_eighths"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("planning", "0008_call_sheet_fields_meal_times_revision_actual_dates"),
    ]

    operations = [migrations.RunPython(share_split_scenes, migrations.RunPython.noop)]
