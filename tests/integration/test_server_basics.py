"""Health, spec, sign-in and pull against the real server over loopback HTTP."""

from __future__ import annotations

from datetime import timedelta

import requests

from tests.integration.conftest import LiveServer
from wb_server.demo_data import DEMO_ACCOUNTS

ANNA, ERIK = sorted(DEMO_ACCOUNTS)[0], sorted(DEMO_ACCOUNTS)[1]


def _sign_in(server: LiveServer, email: str) -> requests.Session:
    return server.sign_in(email, DEMO_ACCOUNTS[email])


def test_health_answers_with_the_protocol_version(live_server: LiveServer) -> None:
    reply = requests.get(f"{live_server.url}/health", timeout=5)
    assert reply.status_code == 200
    assert reply.json()["status"] == "ok"
    assert reply.json()["protocol"] == 1


def test_the_spec_describes_the_endpoints(live_server: LiveServer) -> None:
    spec = requests.get(f"{live_server.url}/openapi.json", timeout=5).json()
    assert {"/health", "/v1/auth/sign-in", "/v1/me", "/v1/changes"} <= set(spec["paths"])
    assert "SignInRequest" in spec["components"]["schemas"]


def test_sign_in_gives_a_token_that_names_the_technician(live_server: LiveServer) -> None:
    me = _sign_in(live_server, ANNA).get(f"{live_server.url}/v1/me", timeout=5)
    assert me.status_code == 200
    assert me.json()["email"] == ANNA


def test_a_wrong_password_is_refused_readably(live_server: LiveServer) -> None:
    reply = requests.post(
        f"{live_server.url}/v1/auth/sign-in", json={"email": ANNA, "password": "nope"}, timeout=5
    )
    assert reply.status_code == 401
    assert reply.json() == {"error": "unauthorized", "detail": "wrong email or password"}


def test_malformed_and_unknown_input_get_a_readable_4xx(live_server: LiveServer) -> None:
    url = f"{live_server.url}/v1/auth/sign-in"
    broken = requests.post(
        url, data=b"{not json", headers={"Content-Type": "application/json"}, timeout=5
    )
    assert broken.status_code == 422 and broken.json()["error"] == "invalid_request"
    extra = requests.post(
        url, json={"email": ANNA, "password": "x", "admin": True}, timeout=5
    ).json()
    assert "admin" in extra["detail"]
    wrong_type = requests.post(url, json={"email": 5, "password": []}, timeout=5)
    assert wrong_type.status_code == 422


def test_no_token_a_bad_token_and_an_expired_token_are_401(live_server: LiveServer) -> None:
    url = f"{live_server.url}/v1/me"
    assert requests.get(url, timeout=5).status_code == 401
    bad = requests.get(url, headers={"Authorization": "Bearer forged"}, timeout=5)
    assert bad.status_code == 401 and "unknown token" in bad.json()["detail"]
    session = _sign_in(live_server, ANNA)
    live_server.clock.advance(timedelta(hours=13))
    expired = session.get(url, timeout=5)
    assert expired.status_code == 401 and "expired" in expired.json()["detail"]


def _pull_all(session: requests.Session, url: str, limit: int) -> list[dict]:
    changes: list[dict] = []
    cursor = 0
    while True:
        page = session.get(f"{url}/v1/changes", params={"since": cursor, "limit": limit}).json()
        changes.extend(page["changes"])
        assert page["next_cursor"] >= cursor
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return changes


def test_pull_pages_through_a_technicians_feed_once(live_server: LiveServer) -> None:
    session = _sign_in(live_server, ANNA)
    everything = _pull_all(session, live_server.url, limit=1000)
    paged = _pull_all(session, live_server.url, limit=7)
    assert [c["seq"] for c in paged] == [c["seq"] for c in everything]
    assert [c["seq"] for c in everything] == sorted({c["seq"] for c in everything})
    jobs = [c for c in everything if c["record_type"] == "job"]
    assert jobs, "the demo week gives Anna jobs"
    me = session.get(f"{live_server.url}/v1/me").json()["id"]
    assert {c["data"]["technician_id"] for c in jobs} == {me}
    customers = {c["record_id"] for c in everything if c["record_type"] == "customer"}
    assert {c["data"]["customer_id"] for c in jobs} <= customers


def test_a_technician_never_sees_another_technicians_jobs(live_server: LiveServer) -> None:
    anna = _pull_all(_sign_in(live_server, ANNA), live_server.url, 1000)
    erik = _pull_all(_sign_in(live_server, ERIK), live_server.url, 1000)
    anna_jobs = {c["record_id"] for c in anna if c["record_type"] == "job"}
    erik_jobs = {c["record_id"] for c in erik if c["record_type"] == "job"}
    assert anna_jobs and erik_jobs and not anna_jobs & erik_jobs


def test_a_cursor_from_a_reset_server_is_refused_not_looped(live_server: LiveServer) -> None:
    session = _sign_in(live_server, ANNA)
    reply = session.get(f"{live_server.url}/v1/changes", params={"since": 10**9})
    assert reply.status_code == 409
    assert reply.json()["error"] == "cursor_ahead"


def test_earlier_photos_of_the_demo_week_reach_their_technicians(live_server: LiveServer) -> None:
    photos = [
        change
        for email in DEMO_ACCOUNTS
        for change in _pull_all(_sign_in(live_server, email), live_server.url, 1000)
        if change["record_type"] == "photo"
    ]
    assert 4 <= len(photos) <= 8
    blob_dir = live_server.context.config.blob_dir
    for photo in photos:
        sha256 = photo["data"]["sha256"]
        assert (blob_dir / sha256[:2] / sha256).stat().st_size == photo["data"]["byte_size"]


def test_a_huge_body_is_refused_before_it_is_parsed(live_server: LiveServer) -> None:
    huge = b'{"email": "' + b"a" * (9 * 1024 * 1024) + b'", "password": "x"}'
    declared = requests.post(
        f"{live_server.url}/v1/auth/sign-in",
        data=huge,
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert declared.status_code == 413 and declared.json()["error"] == "too_large"

    def streamed():  # no Content-Length: the server counts as it reads
        for start in range(0, len(huge), 1024 * 1024):
            yield huge[start : start + 1024 * 1024]

    chunked = requests.post(
        f"{live_server.url}/v1/auth/sign-in",
        data=streamed(),
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert chunked.status_code == 413
