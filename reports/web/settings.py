"""What `reports serve` is told: where it listens, who may use it, how much it accepts."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

LOOPBACK_NAMES = {"localhost", "ip6-localhost"}


@dataclass(frozen=True)
class ServeSettings:
    builds: Path = Path("reports-builds")   # one random-id folder per build under it
    token: str | None = None                # required of every request when set
    open: bool = False                      # listen off the loopback without a token, said loudly
    keep_hours: float = 24.0                # a build's folder is removed this long after it started
    max_upload_mb: float = 50.0             # the whole form, files and text together
    max_files: int = 50                     # files in one form (and article files in one zip)
    workers: int | None = None              # builds at once, each in its own process; None: one per CPU
    warm: bool = True                       # start the worker processes (and their imports) at start-up
    wiki: str | None = None                 # the wiki titles are fetched from (default English Wikipedia)
    contact: str | None = None              # the contact the fetcher's User-Agent names

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def build_workers(self) -> int:
        return max(1, self.workers or os.cpu_count() or 1)


def is_loopback(host: str) -> bool:
    """Whether `host` is reachable from this machine only."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def exposure_problem(host: str, settings: ServeSettings) -> str | None:
    """Why listening on `host` with these settings is refused, or None when it is safe
    (the loopback, or a token) or the user said --open."""
    if is_loopback(host) or settings.token or settings.open:
        return None
    return (f"{host} is reachable from other machines: give --token (or REPORTS_TOKEN) so only people "
            "with it can build, or --open to serve everyone who can reach it")
