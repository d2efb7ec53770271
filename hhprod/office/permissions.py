"""Who may read the reports: a login with a role."""

from django.contrib.auth.decorators import permission_required
from django.views.decorators.http import require_safe

# The reports show every one of the office's models, so they need the view permission on
# each. Every role has them (office's 0001_roles migration); a staff login with no role
# has none of them and reads no report, page or download.
REPORT_PERMISSIONS = [
    f"{app}.view_{model}"
    for app, models in {
        "productions": ["production", "person", "credit", "trip"],
        "rigs": ["rig", "camera"],
        "shooting": ["shootday", "daycall", "scene", "take"],
    }.items()
    for model in models
]


def report_view(view):
    """A report page, download or feed: read-only (GET or HEAD, else 405) and for a login with a role (else 403)."""
    return require_safe(permission_required(REPORT_PERMISSIONS, raise_exception=True)(view))
