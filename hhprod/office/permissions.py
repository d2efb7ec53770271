"""Who may read the reports: a login with a role."""

from django.contrib.auth.decorators import permission_required
from django.views.decorators.http import require_safe

from hhprod.office.roles import shared_by_every_role

# The reports show the office's models, so they ask for what every role has in common (the view
# permission on each of them, hhprod/office/roles.py): a staff login with no role has none of it
# and reads no report, page or download.
REPORT_PERMISSIONS = sorted(shared_by_every_role())


def report_view(view):
    """A report page, download or feed: read-only (GET or HEAD, else 405) and for a login with a role (else 403)."""
    return require_safe(permission_required(REPORT_PERMISSIONS, raise_exception=True)(view))
