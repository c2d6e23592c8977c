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

    @property
    def admin_enabled(self) -> bool:
        return bool(self.admin_token)
