"""Workbooks changed part by part, for the tests of what an XLSX upload may hold."""

import io
import zipfile


def with_part(data, part, change):
    """The workbook with one part's XML passed through change(xml) -> xml."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == part:
                content = change(content.decode()).encode()
            target.writestr(info.filename, content)
    return out.getvalue()
