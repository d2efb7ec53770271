"""A login's background work: each job's page (how far it has got, then what it made), and the list of the day's."""

from django.contrib import admin
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .models import Job


def own_job(request, job):
    found = Job.objects.of(request.user).defer("file").filter(pk=job).first()
    if found is None:
        raise Http404("No such job of yours (a job is kept a day).")
    return found


@require_GET
def job_page(request, job):
    job = own_job(request, job)
    result = job.task_result()
    context = {"job": job, "progress": job.progress(result), "outcome": job.outcome(result)}
    return render(request, "jobs/job.html", {**admin.site.each_context(request), **context})


@require_GET
def job_progress(request, job):
    """Asked every second by the job's page (job.js) while it waits."""
    job = own_job(request, job)
    return JsonResponse(job.progress(job.task_result()))


@require_GET
def job_file(request, job):
    found = Job.objects.of(request.user).filter(pk=job).exclude(file=None).first()
    if found is None:
        raise Http404("No such file of yours (a file is kept a day after it was asked for).")
    response = HttpResponse(bytes(found.file), content_type=found.content_type)
    response["Content-Disposition"] = f'attachment; filename="{found.file_name}"'
    return response


@require_GET
def job_list(request):
    jobs = Job.objects.of(request.user).defer("file")
    return render(request, "jobs/list.html", {**admin.site.each_context(request), "jobs": jobs})
