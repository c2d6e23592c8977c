"""Property-based fuzzing of the server from its own OpenAPI spec: never a 500.

Schemathesis generates requests for every operation (valid and invalid bodies, paths and
parameters) and sends them over real HTTP, signed in as a demo technician. Admin routes
answer 403 to that token; the fault routes are left out so a fuzzed fault cannot turn the
server's own replies into injected 500s.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from wb_server.app import create_app
from wb_server.config import ServerConfig
from wb_server.demo import load_demo
from wb_server.demo_data import DEMO_ACCOUNTS
from wb_server.runner import RunningServer, start_in_thread

EXAMPLES = int(os.environ.get("WB_FUZZ_EXAMPLES", "25"))


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningServer, str]]:
    folder: Path = tmp_path_factory.mktemp("fuzz")
    config = ServerConfig(
        database_url=f"sqlite:///{(folder / 'server.sqlite3').as_posix()}",
        blob_dir=folder / "blobs",
        admin_token="fuzz-admin",
        payment_timeout_delay_s=0.05,
    )
    app = create_app(config)
    load_demo(app.state.context, seed=3, week_of=date(2026, 11, 25))
    running = start_in_thread(app)
    email = sorted(DEMO_ACCOUNTS)[0]
    token = requests.post(
        f"{running.url}/v1/auth/sign-in",
        json={"email": email, "password": DEMO_ACCOUNTS[email]},
        timeout=10,
    ).json()["token"]
    yield running, token
    running.stop()
    app.state.context.engine.dispose()


@pytest.fixture(scope="module")
def api_schema(fuzz_server: tuple[RunningServer, str]) -> schemathesis.BaseSchema:
    running, _ = fuzz_server
    return schemathesis.openapi.from_url(f"{running.url}/openapi.json").exclude(
        path_regex="^/v1/admin/faults"
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    "mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"]
)
def test_no_request_gets_a_500(
    api_schema: schemathesis.BaseSchema,
    fuzz_server: tuple[RunningServer, str],
    mode: GenerationMode,
) -> None:
    """Every operation of the spec, valid and invalid requests, never a 5xx.

    Hypothesis drives each operation's strategy directly (``as_strategy``), not through
    schemathesis's pytest plugin, whose hooks break with new pytest releases.
    """
    running, token = fuzz_server
    failures: list[str] = []
    exercised = 0
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) > 10

    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def never_a_500(case: schemathesis.Case) -> None:
            response = case.call(
                base_url=running.url, headers={"Authorization": f"Bearer {token}"}, timeout=10
            )
            assert response.status_code < 500, (
                f"{case.method} {case.formatted_path} -> {response.status_code}: "
                f"{response.text[:300]}"
            )

        try:
            never_a_500()
        except Unsatisfiable:
            # An operation without parameters or body has no invalid request to make.
            assert mode is GenerationMode.NEGATIVE, operation.label
            continue
        except AssertionError as failure:
            failures.append(str(failure).splitlines()[0])
        exercised += 1

    assert failures == []
    assert exercised > len(operations) // 2
