"""QA faults on the real server: errors, rate limits, dropped connections, lost acks."""

from __future__ import annotations

import pytest
import requests

from tests.integration.client import outbox_ops, scheduled_job
from tests.integration.conftest import ADMIN_TOKEN, LiveServer
from wb_server.models import Note


def _admin() -> dict[str, str]:
    return {"Authorization": f"Bearer {ADMIN_TOKEN}"}


def _fault(server: LiveServer, **rule: object) -> dict:
    reply = requests.post(f"{server.url}/v1/admin/faults", json=rule, headers=_admin())
    assert reply.status_code == 201, reply.text
    return reply.json()


def _notes(server: LiveServer) -> int:
    with server.context.reader() as db:
        return db.query(Note).count()


def _push(server: LiveServer, session: requests.Session, cache, ops) -> requests.Response:
    body = {"device_id": cache.device_id, "ops": ops}
    return session.post(f"{server.url}/v1/push", json=body, timeout=10)


def test_a_503_fires_count_times_then_the_route_works(live_server, anna) -> None:
    _, session = anna
    _fault(live_server, kind="error_503", route="/v1/changes", count=2)
    url = f"{live_server.url}/v1/changes"
    assert [session.get(url).status_code for _ in range(3)] == [503, 503, 200]
    faults = requests.get(f"{live_server.url}/v1/admin/faults", headers=_admin()).json()
    assert faults[0]["fired"] == 2 and faults[0]["remaining"] == 0


def test_rate_limit_says_when_to_retry(live_server, anna) -> None:
    _, session = anna
    _fault(live_server, kind="rate_limit", route="/v1/changes", retry_after_s=7, count=1)
    reply = session.get(f"{live_server.url}/v1/changes")
    assert reply.status_code == 429 and reply.headers["Retry-After"] == "7"


def test_a_lost_ack_commits_and_the_replay_is_duplicate(live_server, anna) -> None:
    cache, session = anna
    cache.changes.jobs.add_note(scheduled_job(cache).id, "written once")
    ops = outbox_ops(cache)
    _fault(live_server, kind="drop_after_commit", route="/v1/push", count=1)
    before = _notes(live_server)
    with pytest.raises(requests.exceptions.RequestException):
        _push(live_server, session, cache, ops)
    assert _notes(live_server) == before + 1  # the server did commit
    replay = _push(live_server, session, cache, ops).json()["results"]
    assert [r["result"] for r in replay] == ["duplicate"]
    assert _notes(live_server) == before + 1


def test_a_drop_before_the_reply_applies_nothing(live_server, anna) -> None:
    cache, session = anna
    cache.changes.jobs.add_note(scheduled_job(cache).id, "not yet")
    _fault(live_server, kind="drop", route="/v1/push", count=1)
    before = _notes(live_server)
    with pytest.raises(requests.exceptions.RequestException):
        _push(live_server, session, cache, outbox_ops(cache))
    assert _notes(live_server) == before
    assert (
        _push(live_server, session, cache, outbox_ops(cache)).json()["results"][0]["result"]
        == "applied"
    )


def test_an_op_kind_fault_hits_only_pushes_with_that_kind(live_server, anna) -> None:
    cache, session = anna
    job = scheduled_job(cache)
    _fault(live_server, kind="error_500", op_kind="job.set_status")
    cache.changes.jobs.add_note(job.id, "fine")
    assert _push(live_server, session, cache, outbox_ops(cache)).status_code == 200
    cache.changes.jobs.set_status(job.id, "en_route")
    assert _push(live_server, session, cache, outbox_ops(cache)[-1:]).status_code == 500


def test_a_seeded_probability_repeats_exactly(live_server, anna) -> None:
    _, session = anna
    url = f"{live_server.url}/v1/changes"

    def run() -> list[int]:
        requests.delete(f"{live_server.url}/v1/admin/faults", headers=_admin())
        _fault(live_server, kind="error_503", route="/v1/changes", probability=0.5, seed=42)
        return [session.get(url).status_code for _ in range(12)]

    first, second = run(), run()
    assert first == second and {200, 503} == set(first)


def test_faults_can_be_listed_and_cleared(live_server, anna) -> None:
    _, session = anna
    rule = _fault(live_server, kind="error_500", route="/v1/me")
    assert session.get(f"{live_server.url}/v1/me").status_code == 500
    cleared = requests.delete(f"{live_server.url}/v1/admin/faults/{rule['id']}", headers=_admin())
    assert cleared.json() == {"cleared": 1}
    assert session.get(f"{live_server.url}/v1/me").status_code == 200
    bad = requests.post(
        f"{live_server.url}/v1/admin/faults", json={"kind": "meteor"}, headers=_admin()
    )
    assert bad.status_code == 422
