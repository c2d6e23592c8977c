"""Several real ``wb-server`` processes on one database, as the README deploys them.

Each instance is the installed command (``wb-server --workers N``) in a child process on
its own loopback port; the database is migrated and the demo loaded once, first, with
``--migrate-only``. Used by the scale-out tests and by ``bench/server_scale_out.py``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import requests

START_TIMEOUT_S = 60.0
SERVER_COMMAND = [
    sys.executable,
    "-c",
    "import sys; from wb_server.cli import main; sys.exit(main())",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_command(database_url: str, blob_dir: Path, *extra: str) -> list[str]:
    return [*SERVER_COMMAND, "--db", database_url, "--blob-dir", str(blob_dir), *extra]


def migrate_with_demo(database_url: str, blob_dir: Path, admin_token: str) -> None:
    done = subprocess.run(
        server_command(
            database_url, blob_dir, "--migrate-only", "--demo", "--admin-token", admin_token
        ),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"wb-server --migrate-only exited {done.returncode}: {done.stderr}")


@dataclass
class ServerInstances:
    """``instances`` processes groups, each ``wb-server --workers workers`` on its own port."""

    database_url: str
    blob_dir: Path
    admin_token: str
    log_dir: Path
    urls: list[str] = field(default_factory=list)
    _processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    _logs: list[IO[bytes]] = field(default_factory=list)

    def start(self, instances: int, workers: int) -> None:
        for index in range(instances):
            port = free_port()
            log = (self.log_dir / f"wb-server-{index}.log").open("wb")
            self._logs.append(log)
            command = server_command(
                self.database_url,
                self.blob_dir,
                *("--port", str(port), "--workers", str(workers)),
                *("--admin-token", self.admin_token),
            )
            self._processes.append(
                subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=os.environ)
            )
            self.urls.append(f"http://127.0.0.1:{port}")
        for url, process in zip(self.urls, self._processes, strict=True):
            self._wait_until_up(url, process)

    def _wait_until_up(self, url: str, process: subprocess.Popen[bytes]) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"wb-server at {url} exited with {process.returncode}")
            try:
                if requests.get(f"{url}/health", timeout=1).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"wb-server at {url} did not answer in {START_TIMEOUT_S} s")

    def stop(self) -> None:
        for process in self._processes:
            process.terminate()
        for process in self._processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        self._processes.clear()
        for log in self._logs:
            log.close()
        self._logs.clear()

    def logs(self) -> str:
        return "\n".join(
            path.read_text(errors="replace") for path in sorted(self.log_dir.glob("*.log"))
        )
