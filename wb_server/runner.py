"""Run the server on a loopback port in a background thread.

The desktop app uses this for its embedded demo cloud and the tests use it to talk to a real
server over real HTTP. The socket is bound before the thread starts, so the URL is known and
valid at once.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass

import uvicorn
from fastapi import FastAPI

from wb_server.header_limit import uvicorn_options

STARTUP_TIMEOUT_S = 20.0


@dataclass
class RunningServer:
    url: str
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self, timeout: float = 10.0) -> None:
        self.server.should_exit = True
        self.thread.join(timeout)
        if self.thread.is_alive():
            raise RuntimeError("the embedded server did not stop in time")


def start_in_thread(app: FastAPI, host: str = "127.0.0.1", port: int = 0) -> RunningServer:
    # IPPROTO_TCP, not 0: asyncio turns Nagle off (TCP_NODELAY) only on sockets whose proto says
    # TCP; with Nagle on, every keep-alive reply waits ~40 ms for a delayed ACK.
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listener.bind((host, port))
    bound_host, bound_port = listener.getsockname()[:2]
    server = uvicorn.Server(
        uvicorn.Config(
            app, log_level="warning", lifespan="off", access_log=False, **uvicorn_options()
        )
    )
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [listener]}, name="wb-server", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            listener.close()
            raise RuntimeError(f"the embedded server did not start on {bound_host}:{bound_port}")
        time.sleep(0.01)
    return RunningServer(f"http://{bound_host}:{bound_port}", server, thread)
