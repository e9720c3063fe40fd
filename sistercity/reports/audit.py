"""Change logging for jobs: who asked for which import or report and how it ended. Progress
ticks are left out (they would fill the log); the status, the message and the result are kept."""

from sistercity.core.audit import register
from sistercity.reports.models import Job

register(Job, include_fields=["kind", "status", "message", "result_name", "finished_at"])
