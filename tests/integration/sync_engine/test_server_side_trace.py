"""The server's side of a refused request is kept (issue 21, item 3): the client's trace row
has the status, the server's error code and detail, and a request id that the server's own
request log has too, with the same status."""

from __future__ import annotations

from sqlalchemy import select

from tests.conftest import PNG_1X1
from tests.integration.sync_engine.conftest import ANNA, Technician, connect
from wb_desktop.core.protocol.requests_log import REQUEST_ID
from wb_desktop.core.store.models import Job
from wb_desktop.core.sync.trace import TraceEvent, TraceLog
from wb_desktop.tools.scenario.office import Office


def test_a_refused_upload_keeps_the_servers_reply_and_its_request_id(
    anna: Technician, office: Office
) -> None:
    with anna.cache.database.reader() as db:
        job = db.scalars(select(Job).order_by(Job.scheduled_start)).first()
    assert job is not None
    anna.cache.changes.media.add_photo(job.id, PNG_1X1, "meter.png")
    fault = office.add_fault(kind="error_500", route="/v1/blobs")
    anna.client.close()
    log = TraceLog(anna.profile.trace)
    events: list[TraceEvent] = []
    anna.client = connect(anna.cache, anna.server, anna.clock, ANNA, [log.append, events.append])

    report = anna.client.engine.step()

    assert not report.ok
    refused = [e for e in log.events() if e.route.startswith("/v1/blobs")]
    assert refused, [e.route for e in events]
    row = refused[0]
    assert row.status == 500
    assert row.server_error == "injected_fault"
    assert row.server_detail is not None and fault.id in row.server_detail
    assert row.server_detail.endswith("(error_500)")
    assert row.request_id is not None and len(row.request_id) == 32
    assert all(e.request_id for e in events)  # every request carries one
    assert len({e.request_id for e in events}) == len(events)  # one per attempt
    lines = office.request_log([row.request_id])
    assert [(line.path, line.status, line.error) for line in lines] == [
        (row.route, 500, "injected_fault")
    ]
    push = next(e for e in events if e.route == "/v1/push")
    (pushed,) = office.request_log([push.request_id or ""])
    assert pushed.status == 200 and pushed.device_id == anna.cache.device_id


def test_the_server_makes_a_request_id_when_none_is_sent(anna: Technician, office: Office) -> None:
    import requests

    reply = requests.get(f"{anna.server.url}/health", timeout=10)
    made = reply.headers[REQUEST_ID]
    assert len(made) == 32
    sent = requests.get(f"{anna.server.url}/health", headers={REQUEST_ID: "abc-123"}, timeout=10)
    assert sent.headers[REQUEST_ID] == "abc-123"
    odd = requests.get(f"{anna.server.url}/health", headers={REQUEST_ID: "x" * 500}, timeout=10)
    assert odd.headers[REQUEST_ID] != "x" * 500
    assert {line.request_id for line in office.request_log([made, "abc-123"])} == {
        made,
        "abc-123",
    }
