"""What a report refuses, said once: the page turns these into a 404 or a message, the command into its error."""


class ReportError(Exception):
    """Anything a report cannot do with what it was asked for; the text says why and what would work."""


class NotFound(ReportError):
    """A report, format, production, day or parameter value that does not exist: a 404 on the page."""


class Refused(ReportError):
    """The report exists but will not be written this way (a PDF too long to print): a message on the page."""


class TooLongToPrint(Refused):
    pass
