"""The close order: what feeds the sync thread stops before it, what it uses is released
after it, and nothing is released while the thread may still be using it."""

from __future__ import annotations

from wb_desktop.app.first_use import OnFirstUse
from wb_desktop.app.shutdown import AppShutdown


class SyncThread:
    def __init__(self, stops: bool) -> None:
        self.stops = stops
        self.asked: list[int] = []

    def stop(self, timeout_ms: int) -> bool:
        self.asked.append(timeout_ms)
        return self.stops


def shutdown_with(thread: SyncThread, done: list[str]) -> AppShutdown:
    shutdown = AppShutdown(thread.stop, 1234)
    shutdown.before_sync_stops(lambda: done.append("window"), lambda: done.append("inbox"))
    shutdown.after_sync_stopped(lambda: done.append("cache"), lambda: done.append("lock"))
    return shutdown


def test_steps_run_in_order_around_the_sync_thread_and_only_once() -> None:
    done: list[str] = []
    thread = SyncThread(stops=True)
    shutdown = shutdown_with(thread, done)
    assert not shutdown.closed

    assert shutdown.close()
    assert shutdown.close()  # a second close (aboutToQuit after run's) changes nothing

    assert done == ["window", "inbox", "cache", "lock"]
    assert thread.asked == [1234]
    assert shutdown.closed


def test_a_stuck_sync_thread_keeps_the_cache_and_lock() -> None:
    done: list[str] = []
    shutdown = shutdown_with(SyncThread(stops=False), done)

    assert not shutdown.close()
    assert not shutdown.close()

    assert done == ["window", "inbox"]  # released only by ending the process


def test_a_tool_is_built_on_first_use_and_kept() -> None:
    built: list[object] = []

    def make() -> object:
        built.append(object())
        return built[-1]

    tool = OnFirstUse(make)
    assert tool.made is None and built == []

    first = tool.get()

    assert tool.get() is first and tool.made is first and len(built) == 1
