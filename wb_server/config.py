"""What a server instance is configured with; built by the CLI or by tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path


@dataclass(frozen=True)
class ServerConfig:
    database_url: str
    blob_dir: Path
    admin_token: str | None = None
    token_ttl: timedelta = timedelta(hours=12)
    max_upload_bytes: int = 50 * 1024 * 1024
    max_json_bytes: int = 8 * 1024 * 1024
    max_page_size: int = 1000
    # How long the 'timeout after charge' test card holds its reply after charging.
    payment_timeout_delay_s: float = 30.0
    # The request log's folder; None: ``logs`` beside the blob folder (in the data dir).
    log_dir: Path | None = None

    # The request log's file in that folder. ``wb-server --workers N`` gives each worker
    # process a file of its own (``requests-<pid>.jsonl``): one file per writer, so a
    # rotation never races another process's append; a read takes every file there.
    request_log_name: str = "requests.jsonl"

    @property
    def request_log_path(self) -> Path:
        return (self.log_dir or self.blob_dir.parent / "logs") / self.request_log_name

    @property
    def admin_enabled(self) -> bool:
        return bool(self.admin_token)
