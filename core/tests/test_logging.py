import json
import logging

from django.http import HttpResponse
from django.test import RequestFactory

from core.logging import JsonFormatter, RequestIdFilter, RequestIdMiddleware

logger = logging.getLogger("ruses.test")


def log_lines_of(request) -> tuple[HttpResponse, list[dict]]:
    """Runs a view that logs one warning through the middleware; returns the JSON lines."""
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(self.format(record))

    handler = Collect()
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger.addHandler(handler)

    def view(request):
        logger.warning("Reading %s flagged", 42)
        return HttpResponse("ok")

    try:
        response = RequestIdMiddleware(view)(request)
    finally:
        logger.removeHandler(handler)
    return response, [json.loads(line) for line in lines]


def test_each_log_line_is_json_with_the_request_id_sent_back():
    response, lines = log_lines_of(RequestFactory().get("/"))
    [line] = lines
    assert line["message"] == "Reading 42 flagged" and line["level"] == "WARNING"
    assert len(line["request_id"]) == 32
    assert response["X-Request-ID"] == line["request_id"]


def test_the_proxys_request_id_is_kept_but_junk_is_replaced():
    kept, [line] = log_lines_of(RequestFactory().get("/", HTTP_X_REQUEST_ID="abc123-proxy-id"))
    assert line["request_id"] == "abc123-proxy-id" == kept["X-Request-ID"]
    _, [line] = log_lines_of(RequestFactory().get("/", HTTP_X_REQUEST_ID="<script>"))
    assert line["request_id"] != "<script>"
