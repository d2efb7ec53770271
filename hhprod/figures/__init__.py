"""Every number the domain uses, defined once: above the models, below the pages that show them.

One module per figure, each QuerySet expressions and small selectors computed in the database.
Where a model's QuerySet method is a figure's natural home (`Take.objects.circled()`,
`ScheduleRevision.objects.baseline()`, `strip_eighths()`), the figure here builds on it. The
baseline and slip against it are the plan's own (hhprod/planning/baseline.py and slip.py), one
layer down, where the shoot days' admin list can show slip too.
"""
