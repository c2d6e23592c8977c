"""``wb-server --demo`` as a person starts it: a separate process serving on a port."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from wb_server.demo_data import DEMO_ACCOUNTS


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
def test_wb_server_demo_serves_sign_in_and_pull(tmp_path: Path) -> None:
    port = _free_port()
    database = tmp_path / "server.sqlite3"
    command = [
        sys.executable,
        "-c",
        "import sys; from wb_server.cli import main; sys.exit(main(sys.argv[1:]))",
        "--port",
        str(port),
        "--db",
        f"sqlite:///{database.as_posix()}",
        "--blob-dir",
        str(tmp_path / "blobs"),
        "--demo",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:  # a bounded wait for another process to listen; not a timing assertion
            try:
                if requests.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert process.poll() is None, process.stdout.read().decode() if process.stdout else ""
            assert time.monotonic() < deadline, "wb-server did not start within 30 s"
            time.sleep(0.1)
        email = sorted(DEMO_ACCOUNTS)[0]
        signed = requests.post(
            f"{base}/v1/auth/sign-in",
            json={"email": email, "password": DEMO_ACCOUNTS[email]},
            timeout=5,
        )
        assert signed.status_code == 200
        token = signed.json()["token"]
        page = requests.get(
            f"{base}/v1/changes", headers={"Authorization": f"Bearer {token}"}, timeout=5
        ).json()
        assert any(change["record_type"] == "job" for change in page["changes"])
    finally:
        process.terminate()
        process.wait(timeout=15)
        if process.stdout:
            process.stdout.close()
