"""`reports serve` under load: simultaneous users each building one article, then the
results page read as fast as clients can.

    python benchmarks/serve.py                 # 10 users, the server's default workers
    python benchmarks/serve.py --users 4 --workers 2 --requests 200

Starts `python -m reports serve` (uvicorn, as a user runs it; this tree first on
PYTHONPATH) on 127.0.0.1 and a free port with a fresh builds folder. After one warm-up
build (the worker processes start and import the exporters once), USERS clients at once
each upload one data article with a sentence of their own, poll its status and fetch its
JSON record: every user must get a record holding their own sentence, in a build of
their own. Prints the time of a one-article build (from the upload to "done", p50 and
p95) and the requests per second of the results page.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "data").glob("*.txt"))


def start_server(builds: Path, workers: int | None) -> tuple[subprocess.Popen, str]:
    """`reports serve` on a free port: the process and its address."""
    command = [sys.executable, "-m", "reports", "serve", "--port", "0", "--builds", str(builds)]
    if workers:
        command += ["--workers", str(workers)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    for line in server.stderr:
        found = re.search(r"running on (http://127\.0\.0\.1:\d+)", line)
        if found:
            # keep reading its log, so a full pipe never blocks it
            threading.Thread(target=server.stderr.read, daemon=True).start()
            return server, found.group(1)
    raise RuntimeError(f"reports serve did not start (exit {server.wait()})")


def one_build(base: str, user: int) -> tuple[float, str]:
    """Upload one article with the user's own sentence; seconds until its documents are there."""
    article = ARTICLES[user % len(ARTICLES)]
    mark = f"Benchmark user {user} marked this article."
    text = article.read_text("utf-8").replace("\n==", f"\n{mark}\n\n==", 1)  # a paragraph before the first section
    with httpx.Client(base_url=base, timeout=120) as client:
        started = time.perf_counter()
        answer = client.post("/builds", files=[("files", (article.name, text.encode()))],
                             data={"formats": ["pdf", "docx", "xlsx", "json"], "layout": "default"})
        location = answer.headers["location"]  # 303 to the build's page
        for _ in range(3000):
            status = client.get(f"{location}/status").json()
            if status["state"] in ("done", "failed"):
                break
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        record = client.get(f"{location}/files/{article.stem}.json")
        if status["state"] != "done" or mark not in record.text:
            raise AssertionError(f"user {user}: {status} - not their own document")
        return seconds, location


def results_rate(base: str, location: str, requests: int, clients: int) -> float:
    def read(count: int) -> None:
        with httpx.Client(base_url=base) as client:
            for _ in range(count):
                client.get(location).raise_for_status()

    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(clients) as pool:
        list(pool.map(read, [requests // clients] * clients))
    return (requests // clients * clients) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--workers", type=int, default=None, help="the server's --workers (default: CPUs)")
    parser.add_argument("--requests", type=int, default=400, help="results-page requests")
    parser.add_argument("--clients", type=int, default=4, help="clients reading the results page at once")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as builds:
        server, base = start_server(Path(builds), args.workers)
        try:
            one_build(base, 0)  # warm-up: the worker processes start
            with concurrent.futures.ThreadPoolExecutor(args.users) as pool:
                done = list(pool.map(lambda user: one_build(base, user), range(1, args.users + 1)))
            times = sorted(seconds for seconds, _ in done)
            assert len({location for _, location in done}) == args.users
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            rate = results_rate(base, done[0][1], args.requests, args.clients)
        finally:
            server.terminate()
            server.wait(30)
    print(f"{args.users} simultaneous users, one article each, on {os.cpu_count()} CPUs "
          f"(server workers: {args.workers or os.cpu_count()}): every user got their own documents")
    print(f"one-article build, upload to done: p50 {statistics.median(times):.2f} s, p95 {p95:.2f} s, "
          f"max {times[-1]:.2f} s")
    print(f"results page: {rate:.0f} requests/s ({args.clients} clients, {args.requests} requests)")


if __name__ == "__main__":
    main()
