"""A report's file as a user gets it: at once, or (a big file) from its job's page once the worker has written it."""

from django.urls import reverse

from hhprod.jobs.models import Job

from .queue import run_queued_jobs


def download(client, production, slug, fmt, **params):
    response = client.get(reverse("reports:report", args=[production.pk, slug]), {"export": fmt, **params})
    if response.status_code == 302 and response.url.startswith(reverse("jobs:list")):
        run_queued_jobs()
        job = Job.objects.get(pk=response.url.split("/")[-2])
        response = client.get(reverse("jobs:file", args=[job.pk]))
    assert response.status_code == 200
    assert f".{fmt}" in response["Content-Disposition"]
    return b"".join(response.streaming_content) if response.streaming else response.content
