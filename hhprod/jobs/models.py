"""Long work for one login, done by a worker (`manage.py db_worker`): what it is, how far it has got, what it made.

The queue itself is django-tasks-db's (a task's status, its return value, its error); a Job is what
a page shows of one task: its title, the rows done of how many (written by the task as it goes,
read by the page every second), and the file it built, kept a day and then removed. A Job has
the id of its task.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, default_task_backend

KEPT = timedelta(days=1)  # a job and its file, from when it was asked for
# A running task reports at least this often (a take import every 500 rows, a PDF every page): one
# silent for longer had its worker stopped under it (killed, the machine restarted).
SILENT = timedelta(minutes=2)


class JobQuerySet(models.QuerySet):
    def of(self, user):
        """This login's jobs of the last day, newest first; nobody sees another's."""
        return self.filter(user_id=user.pk, created__gte=timezone.now() - KEPT).order_by("-created")

    def expired(self):
        return self.filter(created__lt=timezone.now() - KEPT)

    def start(self, task, user, title, **kwargs):
        """Queue `task(**kwargs)` for `user` and return its Job, which the task finds by its own id (in
        its context). Both are written in one transaction: no worker picks up a task without its Job."""
        self.expired().delete()
        with transaction.atomic(using=self.db):
            result = task.enqueue(**kwargs)
            return self.create(id=result.id, user_id=user.pk, title=title)


class Job(models.Model):
    id = models.UUIDField(primary_key=True, editable=False)
    # No foreign key: on SQLite the queue's tables are in a database file of their own (settings.py).
    user_id = models.IntegerField(db_index=True)
    title = models.CharField(max_length=300)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(null=True, help_text="Empty while the work does not know its size.")
    step = models.CharField(max_length=40, blank=True, help_text='What `done` counts: "rows checked", "pages".')
    file_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    file = models.BinaryField(null=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    reported = models.DateTimeField(auto_now=True, help_text="When the task last said how far it had got.")

    objects = JobQuerySet.as_manager()

    def __str__(self):
        return self.title

    def task_result(self):
        """The queue's record of the task: status, return value, errors."""
        return default_task_backend.get_result(str(self.id))

    def state(self, result):
        """waiting, running, stopped (its worker went away mid-task), done or failed."""
        if result.status == TaskResultStatus.RUNNING and self.reported < timezone.now() - SILENT:
            return "stopped"
        return {
            TaskResultStatus.READY: "waiting",
            TaskResultStatus.RUNNING: "running",
            TaskResultStatus.SUCCESSFUL: "done",
        }.get(result.status, "failed")

    def outcome(self, result):
        """What the task returned (a dict: its "message", "lines", "url" to go on to), once it has."""
        return (result.return_value or {}) if self.state(result) == "done" else {}

    def progress(self, result):
        """How far it has got, as its page and the page's script (job.js) read it."""
        return {
            "state": self.state(result),
            "done": self.done,
            "total": self.total,
            "step": self.step,
            "message": self.outcome(result).get("message", ""),
        }


class Progress:
    """Given to a task: `progress(done, total)` writes how far it has got to its Job, at once visible to
    every server (the "tasks" database's own connection commits it, whatever the task's transaction)."""

    def __init__(self, job_id, step):
        self.jobs = Job.objects.using(settings.JOBS_PROGRESS_DATABASE).filter(pk=job_id)
        self.step = step

    def __call__(self, done, total=None):
        self.jobs.update(done=done, total=total, step=self.step, reported=timezone.now())

    def keep(self, file_name, content_type, data):
        self.jobs.update(file_name=file_name, content_type=content_type, file=data, reported=timezone.now())
