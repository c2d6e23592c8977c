"""The server's OpenAPI document is exact: ``schemathesis run --checks all`` finds nothing.

Every check schemathesis has runs against a real server on loopback with the demo data:
every status code a route answers is documented, with the ``{error, detail}`` body (422
included), the limits the handlers enforce are in the schema, booleans are no integers, and
``Allow`` lists what a path supports. The technician routes are signed in as Anna, the
admin routes with the admin token (tests/integration/schemathesis.toml). The fault routes
run against a server of their own: a fuzzed fault rule would inject 500s into the rest.

The CLI runs in a subprocess because schemathesis's pytest plugin breaks with new pytest
releases; its coverage phase (boundary values, unsupported methods, missing headers) is
what finds most of what a hand-written strategy would not.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
import requests

from wb_server.app import create_app
from wb_server.config import ServerConfig
from wb_server.demo import load_demo
from wb_server.demo_data import DEMO_ACCOUNTS
from wb_server.header_limit import MAX_HEADER_BYTES
from wb_server.runner import start_in_thread

EXAMPLES = int(os.environ.get("WB_CONFORMANCE_EXAMPLES", "15"))
SEED = os.environ.get("WB_CONFORMANCE_SEED", "1")
CONFIG = Path(__file__).with_name("schemathesis.toml")
ADMIN_TOKEN = "conformance-admin"
FAULT_ROUTES = "^/v1/admin/faults"


@contextmanager
def demo_server(folder: Path) -> Iterator[tuple[str, str]]:
    """A server with the demo data, and Anna's token."""
    config = ServerConfig(
        database_url=f"sqlite:///{(folder / 'server.sqlite3').as_posix()}",
        blob_dir=folder / "blobs",
        admin_token=ADMIN_TOKEN,
        payment_timeout_delay_s=0.05,
    )
    app = create_app(config)
    load_demo(app.state.context, seed=3, week_of=date(2026, 11, 25))
    running = start_in_thread(app)
    try:
        email = sorted(DEMO_ACCOUNTS)[0]
        reply = requests.post(
            f"{running.url}/v1/auth/sign-in",
            json={"email": email, "password": DEMO_ACCOUNTS[email]},
            timeout=10,
        )
        yield running.url, reply.json()["token"]
    finally:
        running.stop()
        app.state.context.engine.dispose()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    with demo_server(tmp_path_factory.mktemp("conformance")) as running:
        yield running


def schemathesis(url: str, token: str, folder: Path, *selection: str) -> tuple[int, str]:
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "--config-file",
        str(CONFIG),
        "--no-color",
        "run",
        f"{url}/openapi.json",
        "--checks",
        "all",
        "--max-examples",
        str(EXAMPLES),
        "--seed",
        SEED,
        "--workers",  # one: hypothesis parsing lambdas in two threads trips CPython 3.11's ast
        "1",
        "--request-timeout",
        "10",
        "--generation-database",
        "none",
        *selection,
    ]
    environment = {**os.environ, "WB_TECHNICIAN_TOKEN": token, "WB_ADMIN_TOKEN": ADMIN_TOKEN}
    done = subprocess.run(
        command, cwd=folder, env=environment, capture_output=True, text=True, timeout=600
    )
    return done.returncode, done.stdout + done.stderr


@pytest.mark.slow
def test_schemathesis_finds_nothing(server: tuple[str, str], tmp_path: Path) -> None:
    url, token = server
    status, report = schemathesis(url, token, tmp_path, "--exclude-path-regex", FAULT_ROUTES)
    assert status == 0, report[-12000:]
    assert re.search(r"(\d+) generated, \1 passed", report), report[-4000:]


@pytest.mark.slow
def test_schemathesis_finds_nothing_in_the_fault_routes(tmp_path: Path) -> None:
    with demo_server(tmp_path) as (url, token):
        status, report = schemathesis(url, token, tmp_path, "--include-path-regex", FAULT_ROUTES)
    assert status == 0, report[-12000:]
    assert re.search(r"(\d+) generated, \1 passed", report), report[-4000:]


def test_a_100_kb_header_gets_a_json_431(server: tuple[str, str]) -> None:
    url, _ = server
    reply = requests.get(f"{url}/v1/me", headers={"Authorization": "Bearer " + "x" * 100_000})
    assert reply.status_code == 431
    assert reply.json()["error"] == "headers_too_large"
    assert str(MAX_HEADER_BYTES) in reply.json()["detail"]


def test_many_headers_over_the_total_get_a_json_431(server: tuple[str, str]) -> None:
    url, _ = server
    many = {f"X-Filler-{n}": "y" * 4000 for n in range(10)}
    reply = requests.get(f"{url}/health", headers=many, timeout=10)
    assert reply.status_code == 431
    assert reply.json()["error"] == "headers_too_large"


def test_405_allows_every_method_of_the_path(server: tuple[str, str]) -> None:
    url, token = server
    reply = requests.options(
        f"{url}/v1/blobs/{'0' * 64}", headers={"Authorization": f"Bearer {token}"}, timeout=10
    )
    assert reply.status_code == 405
    assert reply.headers["Allow"] == "GET, PATCH, POST"
    assert reply.json()["error"] == "http_error"


def test_booleans_are_not_integers(server: tuple[str, str]) -> None:
    url, token = server
    op = {
        "op_id": "0b8f7a3e-2c1d-4e5f-8a9b-0c1d2e3f4a5b",
        "seq": True,
        "kind": "note.create",
        "record_type": "note",
        "record_id": "5e0c2b1a-9d8e-4f7a-b6c5-d4e3f2a1b0c9",
        "base_version": 0,
        "payload": {},
    }
    reply = requests.post(
        f"{url}/v1/push",
        json={"device_id": "7d3f0c52-5a40-4f7e-9a55-0e6c1b2d9f10", "ops": [op]},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert reply.status_code == 422
    assert reply.json()["error"] == "invalid_request"
    assert "ops.0.seq" in reply.json()["detail"]


def test_every_refusal_is_documented_with_the_error_body(server: tuple[str, str]) -> None:
    url, _ = server
    spec = requests.get(f"{url}/openapi.json", timeout=10).json()
    assert "HTTPValidationError" not in str(spec)
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if not status.startswith("2"):
                    schema = response["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/ErrorBody"}, (
                        method,
                        path,
                        status,
                    )
