"""Every URL the site serves, found by walking the URLconf, read (GET) and written (POST) by every role.

The expected answer comes from the README's role table: every role views everything and
reads every report; each adds, changes and deletes its own part; a staff login with no
role sees the admin's index and nothing else; an anonymous visitor is sent to the login.
A URL pattern this test cannot classify fails it, so a page added later is covered or
named here on purpose. Writes post an empty form: a refused one must be 403, an allowed
one gets its form back; either way the database must not change.
"""

import re
from dataclasses import dataclass
from datetime import date

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_tasks_db.models import DBTaskResult

from hhprod.feeds.models import CalendarFeed, PersonLogin
from hhprod.imports.tasks import check_take_log
from hhprod.jobs.models import Job
from hhprod.planning.models import Scene, ShootDay
from hhprod.planning.revisions import lock_schedule
from hhprod.reports.call_sheet import issue
from hhprod.reports.catalogue import REPORTS
from hhprod.reports.exports import formats_of
from hhprod.shooting.models import Take

from .. import factories as make

pytestmark = pytest.mark.django_db(databases=["default", "tasks"])

# The README's table: the models each role adds, changes and deletes. The plan is the producer's and the AD's.
RIG_RECORDS = {"rig", "camera", "rigunit", "mounting", "fit", "fault"}
PLAN_MODELS = {"strip", "calendarentry", "schedulerevision"}
PAPERWORK = {"location", "dayreport", "delay"}
# Made by locking the schedule or issuing a call sheet, never edited: no role adds or changes one in the admin.
LOCKED_ONLY = {"schedulerevision", "callsheetissue"}
OWN = {
    "Producer": {
        "production",
        "person",
        "credit",
        "trip",
        *RIG_RECORDS,
        "shootday",
        "daycall",
        "healthincident",
        "scene",
        "take",
        *PLAN_MODELS,
        *PAPERWORK,
    },  # fmt: skip
    "Assistant director": {"shootday", "daycall", "trip", "healthincident", *PLAN_MODELS, *PAPERWORK},
    "Script supervisor": {"scene", "take", "healthincident"},
    "Rig technician": RIG_RECORDS,
    "Viewer": set(),
}
# Call sheets are issued from the report page; a revision's days are its snapshot, listed from its page:
# read by all, edited by no one.
OFFICE_MODELS = set(OWN["Producer"]) | {"callsheetissue", "revisionday"}
OFFICE_APPS = {"productions", "rigs", "shooting", "planning", "paperwork"}
NO_ROLE, ANONYMOUS = "staff with no role", "anonymous"
USERS = [*OWN, NO_ROLE, ANONYMOUS]
LOGIN_PAGE = reverse("admin:login")
REPORTS_NEEDING_A_DAY = {"call-sheet", "production-report"}

# What a request gets: served, refused (403), hidden (404: the admin hides an app the user has no
# permission in), or sent to log in.
# 405: a page that takes only a GET, or only a POST.
OK, REFUSED, HIDDEN, LOGIN, WRONG_METHOD = "ok", "refused", "hidden", "login", "wrong method"


@dataclass
class Check:
    url: str
    get: dict  # user -> expected outcome of a GET
    post: dict  # user -> expected outcome of an empty POST


def walk(patterns, route="", namespace=""):
    """(route, name) of every URL pattern, includes recursed; the route keeps its converters and regexes."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}".strip(":") if entry.namespace else namespace
            yield from walk(entry.url_patterns, route + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield route + str(entry.pattern), f"{namespace}:{entry.name or ''}".strip(":")


def fill(route, *values):
    """The route with each converter or regex group replaced, in order, by a real value."""
    parts = re.split(r"<[^>]+>|\((?:\?P<\w+>)?[^)]*\)", re.sub(r"\^|\$", "", route))
    assert len(parts) == len(values) + 1, (route, values)
    return "/" + "".join(part + str(value) for part, value in zip(parts, [*values, ""], strict=True))


@pytest.fixture
def office(django_user_model):
    """A small production with one record of each model the admin shows, each with its history."""
    prod = make.production()
    day = make.shoot_day(prod)
    rig = make.rig()
    camera = make.camera(rig)
    wearer = make.wearer(prod)
    make.take(day, make.scene(prod), rig, wearer)
    make.call(day, wearer)
    unit = make.unit(rig)
    make.mounting(camera, unit, day.actual_date)
    make.fit(unit, wearer, day.actual_date)
    make.fault(unit, day=day)
    make.incident(day, wearer)
    make.trip(wearer, prod, date(2013, 9, 1), date(2013, 9, 5))
    make.strip(day, make.scene(prod, "2"))
    make.calendar_entry(prod, "day_off", date(2013, 9, 3))
    lock_schedule(prod, name="White", reason="The baseline.")
    make.delay(make.day_report(day))
    day.site = make.location()
    day.save()
    superuser = django_user_model.objects.create_superuser("office", "office@example.com", "pw")
    issue(prod, day.number, superuser)
    _, prod.feed_token = CalendarFeed.issue(superuser)  # the feeds' checks poll with it
    PersonLogin.objects.create(user=superuser, person=wearer)
    Job.objects.start(check_take_log, superuser, "Checking day1.csv", upload="00000000-0000-0000-0000-000000000001")
    failed_login = {"username": "office", "ip_address": "127.0.0.1", "user_agent": "test", "http_accept": "*/*",
                    "path_info": LOGIN_PAGE}  # fmt: skip
    AccessAttempt.objects.create(**failed_login, get_data="", post_data="", failures_since_start=1)
    AccessLog.objects.create(**failed_login)
    AccessFailureLog.objects.create(**failed_login)
    return prod


def everyone(outcome, anonymous=LOGIN):
    return {**dict.fromkeys(USERS, outcome), ANONYMOUS: anonymous}


def by_role(allowed, no_role=REFUSED, refused=REFUSED):
    """Roles for which allowed(role) holds get OK, the other roles `refused`; no role and anonymous as given."""
    return {**{role: OK if allowed(role) else refused for role in OWN}, NO_ROLE: no_role, ANONYMOUS: LOGIN}


def model_checks(route, name):
    """An admin page of one model: admin:<app>_<model>_<page>."""
    match = re.fullmatch(r"admin:(\w+?)_([a-z0-9]+)_(changelist|add|change|delete|history|simple_history|import|"
                         r"import_map|process_import|password_change)", name)  # fmt: skip
    if not match:
        return None
    app, model_name, page = match.groups()
    model = apps.get_model(app, model_name)
    obj = model.objects.order_by("pk").first()
    assert obj or page in ("changelist", "add", "import", "import_map", "process_import"), (
        f"the office fixture makes no {model}"
    )
    office = app in OFFICE_APPS and model_name in OFFICE_MODELS

    def may(action):
        # Every role views the office's models; only a superuser sees logins, groups and login attempts.
        if action in ("add", "change") and model_name in LOCKED_ONLY:
            return lambda role: False
        return lambda role: office and (action == "view" or model_name in OWN[role])

    if page == "import_map":
        # A file held for nobody: the roles that import are told it is not held for them (404), others refused.
        held_for_nobody = {role: HIDDEN if {"take", "scene"} <= OWN[role] else REFUSED for role in OWN}
        expected = {**held_for_nobody, NO_ROLE: REFUSED, ANONYMOUS: LOGIN}
        return Check(fill(route, "00000000-0000-0000-0000-000000000001"), expected, expected)
    if page == "simple_history":
        url = fill(route, obj.pk, obj.history.earliest().history_id)
    elif page in ("change", "delete", "history", "password_change"):
        url = fill(route, obj.pk)
    else:
        url = fill(route)
    if page in ("import", "process_import"):
        may_import = by_role(lambda role: {"take", "scene"} <= OWN[role])
        # The confirm step takes only the preview's POST.
        return Check(url, everyone(WRONG_METHOD) if page == "process_import" else may_import, may_import)
    if page == "password_change":
        return Check(url, by_role(may("change")), by_role(may("change")))
    read = by_role(may("add" if page == "add" else "delete" if page == "delete" else "view"))
    write = {"changelist": read, "history": read, "add": read, "delete": read}.get(page, by_role(may("change")))
    return Check(url, read, write)


def report_checks(route, name, production):
    """The reports: every one, every download format; every role reads them, a login with no role does not.

    A report is read-only: a POST is 405 for any login.
    """
    read, post = by_role(lambda role: True), everyone(WRONG_METHOD)
    if name == "reports:report":
        urls = []
        for slug in REPORTS:
            page = fill(route, production.pk, slug) + ("?day=1" if slug in REPORTS_NEEDING_A_DAY else "")
            joiner = "&" if "?" in page else "?"
            urls += [
                page,
                *(f"{page}{joiner}export={fmt}" for fmt in (writer.extension for writer in formats_of(REPORTS[slug]))),
            ]
        return [Check(url, read, post) for url in urls]
    if name == "reports:index":
        return [Check(fill(route), read, post)]
    if name in ("reports:overview", "reports:schedule-ics"):
        return [Check(fill(route, production.pk), read, post)]
    return None


def plan_checks(route, name, production):
    """The plan's own pages: every role reads them (GET only); the producer and the AD move strips and lock."""
    read, read_only = by_role(lambda role: True), everyone(WRONG_METHOD)
    if name == "breakdown_sheet":
        return [Check(fill(route, Scene.objects.order_by("pk").first().pk), read, read_only)]
    if name == "admin:planning_schedulerevision_compare":
        return [Check(fill(route), read, read_only)]
    if name in ("stripboard_index", "stripboard"):
        return [Check(fill(route, *([production.pk] if "<" in route else [])), read, read_only)]
    if name in ("stripboard_move", "stripboard_undo", "stripboard_lock"):
        # An empty POST is refused with its reason (400, 409) or gets the lock form back: nothing moves.
        planners = by_role(lambda role: {"strip", "schedulerevision"} <= OWN[role])
        return [Check(fill(route, production.pk), everyone(WRONG_METHOD), planners)]
    if name == "stripboard_add_day":
        # An empty POST gets the board back with the form's errors: no day is added.
        adders = by_role(lambda role: {"shootday", "strip"} <= OWN[role])
        return [Check(fill(route, production.pk), everyone(WRONG_METHOD), adders)]
    if name == "admin:planning_schedulerevision_lock":
        # An empty POST gets the form back with its errors: nothing is locked.
        planners = by_role(lambda role: "schedulerevision" in OWN[role])
        return [Check(fill(route), planners, planners)]
    return None


def issue_checks(route, name, production):
    """Issuing a call sheet: a POST by the producer or the AD (an empty one issues nothing); never a GET."""
    if name != "reports:issue-call-sheet":
        return None
    issuers = by_role(lambda role: "dayreport" in OWN[role])
    return [Check(fill(route, production.pk), everyone(WRONG_METHOD), issuers)]


def onset_checks(route, name):
    """The take-logging page and its JSON answers: for the roles that add takes; a POST saves a row
    (an empty one is refused with its errors, 400), every other method is 405."""
    if not name.startswith("onset:"):
        return None
    day = ShootDay.objects.order_by("pk").first()
    loggers = by_role(lambda role: "take" in OWN[role])
    if name == "onset:save-take":
        return [Check(fill(route, day.pk), everyone(WRONG_METHOD), loggers)]
    return [Check(fill(route, day.pk), loggers, everyone(WRONG_METHOD))]


def feed_checks(route, name, production):
    """Calendar feeds: a login's own addresses page (a role's, GET and its renew/revoke POST); a feed
    itself is read by its token alone, by anyone holding it (no session, GET only), and a made-up
    token opens nothing."""
    if name == "feeds:mine":
        return [Check(fill(route), by_role(lambda role: True), by_role(lambda role: True))]
    token = production.feed_token
    by_token, not_a_token = everyone(OK, anonymous=OK), everyone(HIDDEN, anonymous=HIDDEN)
    args = {"feeds:schedule": [production.pk], "feeds:calls": []}[name]
    return [
        Check(fill(route, token, *args), by_token, everyone(WRONG_METHOD, anonymous=WRONG_METHOD)),
        Check(fill(route, "made-up", *args), not_a_token, everyone(WRONG_METHOD, anonymous=WRONG_METHOD)),
    ]


def job_checks(route, name):
    """Background work: every login's own list; a job's pages only to the login that asked for it
    (the office fixture's job is the superuser's: 404 to every role), GET only."""
    if not name.startswith("jobs:"):
        return None
    if name == "jobs:list":
        return [Check(fill(route), everyone(OK), everyone(WRONG_METHOD))]
    job = Job.objects.get()
    return [Check(fill(route, job.pk), everyone(HIDDEN), everyone(WRONG_METHOD))]


def site_checks(route, name, production):
    """Every check for one URL pattern, or None when the pattern is not one this test knows."""
    if name.startswith("jobs:"):
        return job_checks(route, name)
    if name.startswith("reports:"):
        return report_checks(route, name, production) or issue_checks(route, name, production)
    if name.startswith("feeds:"):
        return feed_checks(route, name, production)
    plan = plan_checks(route, name, production) or onset_checks(route, name)
    if plan:
        return plan
    if name == "today:day":
        # The day's page, the front page: every role reads it; a login with no role is sent on to
        # the admin's index (a redirect, the one page it has). GET only.
        return [Check(fill(route), everyone(OK), everyone(WRONG_METHOD))]
    if name.split(":")[0] != "admin":
        return None
    staff, roles = everyone(OK), by_role(lambda role: True)
    take = Take.objects.get()
    read_only = everyone(WRONG_METHOD)
    argument_free = {  # name: (GET, POST)
        "admin:index": (staff, staff),
        "admin:password_change": (staff, staff),
        "admin:password_change_done": (staff, read_only),
        "admin:jsi18n": (staff, read_only),
        "admin:login": (everyone(OK, anonymous=OK), everyone(OK, anonymous=OK)),
        "admin:logout": (everyone(WRONG_METHOD), staff),
    }
    if name in argument_free:
        return [Check(fill(route), *argument_free[name])]
    if name == "admin:view_on_site":
        # The office's models have no page outside the admin: 404 for any login.
        return [
            Check(fill(route, ContentType.objects.get_for_model(take).pk, take.pk), everyone(HIDDEN), everyone(HIDDEN))
        ]
    if name == "admin:autocomplete":
        # Suggestions for a take's scene field: the scenes' view permission.
        return [Check(fill(route) + "?app_label=shooting&model_name=take&field_name=scene&term=1", roles, read_only)]
    if name == "admin:app_list":
        # The admin answers 404 for an app the login has no permission in: all but the office's
        # three for a role (logins, groups and login attempts are a superuser's).
        app_labels = re.search(r"\(\?P<app_label>([\w|]+)\)", route).group(1).split("|")
        shown = {app: by_role(lambda role, app=app: app in OFFICE_APPS, HIDDEN, HIDDEN) for app in app_labels}
        return [Check(fill(route, app), expected, expected) for app, expected in shown.items()]
    if name == "admin" and route.endswith("(?P<url>.*)$"):
        # An unknown admin address is a 404 for any login.
        return [Check(fill(route, "no-such-page/"), everyone(HIDDEN), everyone(HIDDEN))]
    if name == "admin" and route.endswith("<path:object_id>/"):
        # The bare object address sends any staff login on to its change page.
        model = apps.get_model(*route.split("/")[1:3])
        return [Check(fill(route, model.objects.order_by("pk").first().pk), staff, staff)]
    check = model_checks(route, name)
    return [check] if check else None


def every_check(production):
    checks, unknown = [], []
    for route, name in walk(get_resolver().url_patterns):
        found = site_checks(route, name, production)
        if found is None:
            unknown.append(f"{route} ({name or 'no name'})")
        else:
            checks += found
    # The logout ends the session: last.
    return sorted(checks, key=lambda check: check.url == reverse("admin:logout")), unknown


def outcome(response):
    if response.status_code == 302 and response.url.startswith(LOGIN_PAGE + "?next="):
        return LOGIN
    return {403: REFUSED, 404: HIDDEN, 405: WRONG_METHOD}.get(response.status_code, OK)


QUEUE = ("jobs.Job", "django_tasks_database.DBTaskResult")


def fingerprint():
    """The number of rows of every table but the sessions' and the queue's: what a refused write must
    leave alone. (A Day Out of Days PDF asked for by any role is a job: queued work, not a record.)"""
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.label not in ("sessions.Session", *QUEUE)
    }


def test_every_url_pattern_is_classified(office):
    checks, unknown = every_check(office)
    assert unknown == [], "URL patterns this test does not know: classify them in site_checks"
    urls = {check.url for check in checks}
    assert {reverse("admin:shooting_take_import"), reverse("reports:schedule-ics", args=[office.pk])} <= urls
    assert any(url.endswith("export=pdf") for url in urls) and any("/history/" in url for url in urls)
    assert reverse("onset:save-take", args=[ShootDay.objects.get().pk]) in urls


@pytest.mark.parametrize("user", USERS)
def test_each_user_reads_and_writes_what_the_role_table_says(office, client, django_user_model, user):
    if user != ANONYMOUS:
        login = django_user_model.objects.create_user("someone", password="pw", is_staff=True)
        if user in OWN:
            login.groups.add(Group.objects.get(name=user))
        client.force_login(login)
    checks, _ = every_check(office)
    before = fingerprint()
    wrong = []
    for check in checks:
        for method, expected in (("GET", check.get[user]), ("POST", check.post[user])):
            response = client.get(check.url) if method == "GET" else client.post(check.url)
            if response.status_code >= 500 or outcome(response) != expected:
                wrong.append(f"{method} {check.url}: {response.status_code} {outcome(response)}, expected {expected}")
    assert not wrong, "\n".join(wrong)
    assert fingerprint() == before
    queued = DBTaskResult.objects.exclude(task_path__endswith=".check_take_log")  # the office fixture's
    assert set(queued.values_list("task_path", flat=True)) <= {"hhprod.reports.tasks.write_report_file"}
