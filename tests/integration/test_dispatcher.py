"""The office's moves (admin API) and how they reach technicians' pulls."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

import requests

from tests.integration.conftest import ADMIN_TOKEN, LiveServer
from wb_desktop.core.domain.clock import FixedClock
from wb_server.app import create_app
from wb_server.config import ServerConfig
from wb_server.demo_data import DEMO_ACCOUNTS
from wb_server.runner import start_in_thread

ANNA, ERIK = sorted(DEMO_ACCOUNTS)[:2]


def _admin(server: LiveServer) -> requests.Session:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {ADMIN_TOKEN}"
    return session


def _ids(server: LiveServer) -> dict[str, str]:
    return {
        t["email"]: t["id"] for t in _admin(server).get(f"{server.url}/v1/admin/technicians").json()
    }


def _feed_after(session: requests.Session, url: str, cursor: int) -> tuple[list[dict], int]:
    page = session.get(f"{url}/v1/changes", params={"since": cursor, "limit": 5000}).json()
    return page["changes"], page["next_cursor"]


def _new_job(server: LiveServer, technician_id: str) -> dict:
    customer = _admin(server).get(f"{server.url}/v1/admin/customers").json()[0]
    body = {
        "customer_id": customer["id"],
        "technician_id": technician_id,
        "title": "Emergency: no hot water",
        "scheduled_start": "2026-11-25T13:00:00+00:00",
        "scheduled_end": "2026-11-25T15:00:00+00:00",
        "line_items": [{"description": "Call-out", "quantity": "1", "unit_price": "450.00"}],
    }
    reply = _admin(server).post(f"{server.url}/v1/admin/jobs", json=body)
    assert reply.status_code == 201, reply.text
    return reply.json()


def test_a_new_assignment_arrives_with_the_next_pull(live_server: LiveServer) -> None:
    anna = live_server.sign_in(ANNA, DEMO_ACCOUNTS[ANNA])
    _, cursor = _feed_after(anna, live_server.url, 0)
    job = _new_job(live_server, _ids(live_server)[ANNA])
    changes, _ = _feed_after(anna, live_server.url, cursor)
    kinds = {(c["record_type"], c["record_id"]) for c in changes}
    assert ("job", job["id"]) in kinds
    assert ("customer", job["customer_id"]) in kinds
    assert any(c["record_type"] == "job_line_item" for c in changes)


def test_reassigning_tombstones_the_job_for_the_old_technician(live_server: LiveServer) -> None:
    ids = _ids(live_server)
    job = _new_job(live_server, ids[ANNA])
    anna = live_server.sign_in(ANNA, DEMO_ACCOUNTS[ANNA])
    erik = live_server.sign_in(ERIK, DEMO_ACCOUNTS[ERIK])
    _, anna_cursor = _feed_after(anna, live_server.url, 0)
    _, erik_cursor = _feed_after(erik, live_server.url, 0)
    moved = _admin(live_server).post(
        f"{live_server.url}/v1/admin/jobs/{job['id']}/assign", json={"technician_id": ids[ERIK]}
    )
    assert moved.status_code == 200
    anna_changes, _ = _feed_after(anna, live_server.url, anna_cursor)
    gone = [c for c in anna_changes if c["record_id"] == job["id"]]
    assert gone and gone[-1]["deleted"] is True and gone[-1]["data"] is None
    erik_changes, _ = _feed_after(erik, live_server.url, erik_cursor)
    assert any(c["record_id"] == job["id"] and not c["deleted"] for c in erik_changes)


def test_edit_and_cancel_reach_the_technician_and_cancel_is_final(live_server) -> None:
    ids = _ids(live_server)
    job = _new_job(live_server, ids[ANNA])
    admin, url = _admin(live_server), live_server.url
    edited = admin.patch(
        f"{url}/v1/admin/jobs/{job['id']}", json={"scheduled_start": "2026-11-25T12:00:00+00:00"}
    ).json()
    assert edited["version"] == job["version"] + 1
    cancelled = admin.post(f"{url}/v1/admin/jobs/{job['id']}/cancel")
    assert cancelled.json()["status"] == "cancelled"
    again = admin.post(f"{url}/v1/admin/jobs/{job['id']}/cancel")
    assert again.status_code == 409 and "cancelled" in again.json()["detail"]
    anna = live_server.sign_in(ANNA, DEMO_ACCOUNTS[ANNA])
    changes, _ = _feed_after(anna, url, 0)
    latest = [c for c in changes if c["record_id"] == job["id"]][-1]
    assert latest["data"]["status"] == "cancelled"


def test_bad_dispatcher_input_is_a_readable_4xx(live_server: LiveServer) -> None:
    admin, url = _admin(live_server), live_server.url
    backwards = admin.post(
        f"{url}/v1/admin/jobs",
        json={
            "customer_id": str(uuid.uuid4()),
            "title": "x",
            "scheduled_start": "2026-11-25T15:00:00+00:00",
            "scheduled_end": "2026-11-25T13:00:00+00:00",
        },
    )
    assert backwards.status_code == 422
    naive = admin.post(
        f"{url}/v1/admin/jobs",
        json={
            "customer_id": "c",
            "title": "x",
            "scheduled_start": "2026-11-25T15:00:00",
            "scheduled_end": "2026-11-25T16:00:00",
        },
    )
    assert naive.status_code == 422
    missing = admin.post(f"{url}/v1/admin/jobs/{uuid.uuid4()}/cancel")
    assert missing.status_code == 404


def test_the_admin_api_needs_the_admin_token(live_server: LiveServer) -> None:
    url = f"{live_server.url}/v1/admin/technicians"
    assert requests.get(url).status_code == 401
    anna = live_server.sign_in(ANNA, DEMO_ACCOUNTS[ANNA])
    assert anna.get(url).status_code == 403
    wrong = requests.get(url, headers={"Authorization": "Bearer guess"})
    assert wrong.status_code == 403


def test_without_an_admin_token_the_admin_api_is_off(tmp_path: Path) -> None:
    app = create_app(
        ServerConfig(f"sqlite:///{(tmp_path / 's.db').as_posix()}", tmp_path / "b"),
        FixedClock(datetime(2026, 11, 25, tzinfo=UTC)),
    )
    running = start_in_thread(app)
    try:
        reply = requests.get(
            f"{running.url}/v1/admin/technicians", headers={"Authorization": "Bearer x"}
        )
        assert reply.status_code == 403 and reply.json()["error"] == "admin_disabled"
    finally:
        running.stop()
        app.state.context.engine.dispose()


def test_a_reassigned_job_brings_its_notes_and_leaves_none_behind(live_server: LiveServer) -> None:
    ids = _ids(live_server)
    job = _new_job(live_server, ids[ERIK])
    erik = live_server.sign_in(ERIK, DEMO_ACCOUNTS[ERIK])
    anna = live_server.sign_in(ANNA, DEMO_ACCOUNTS[ANNA])
    note_id = str(uuid.uuid4())
    pushed = erik.post(
        f"{live_server.url}/v1/push",
        json={
            "device_id": str(uuid.uuid4()),
            "ops": [
                {
                    "op_id": str(uuid.uuid4()),
                    "seq": 1,
                    "kind": "note.create",
                    "record_type": "note",
                    "record_id": note_id,
                    "base_version": 0,
                    "payload": {"job_id": job["id"], "text": "Valve replaced; leak gone."},
                }
            ],
        },
    )
    assert pushed.json()["results"][0]["result"] == "applied"
    _, anna_cursor = _feed_after(anna, live_server.url, 0)
    _, erik_cursor = _feed_after(erik, live_server.url, 0)

    moved = _admin(live_server).post(
        f"{live_server.url}/v1/admin/jobs/{job['id']}/assign", json={"technician_id": ids[ANNA]}
    )

    assert moved.status_code == 200
    anna_changes, _ = _feed_after(anna, live_server.url, anna_cursor)
    arrived = [c for c in anna_changes if c["record_id"] == note_id]
    assert [(c["deleted"], c["data"]["text"]) for c in arrived] == [
        (False, "Valve replaced; leak gone.")
    ]
    erik_changes, _ = _feed_after(erik, live_server.url, erik_cursor)
    assert [c["deleted"] for c in erik_changes if c["record_id"] == note_id] == [True]
