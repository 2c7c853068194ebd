#!/usr/bin/env python3
"""Load on `plansheet serve` from loopback: N concurrent clients send the seeds and practice plans (../shared/seeds,
../shared/practice, or $PLANSHEET_SHARED/...; samples/ otherwise) to POST /api/read for a fixed time. Every answer
is compared with `plansheet convert`'s JSON of the same file (or, for a file convert refuses, its one-line message
and a 4xx); the server's resident memory is sampled each second. Prints requests per second, p50/p95 latency, the
memory over time and its peak. Standard library only; not part of ctest.

  bench/serve_load.py [--binary build-release/plansheet] [--clients 8] [--seconds 60] [--workers 2]
"""
import argparse
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INPUT_EXTENSIONS = (".txt", ".tsv", ".md", ".csv", ".xlsx", ".xlsm", ".xls")


def plan_files():
    shared = os.environ.get("PLANSHEET_SHARED", os.path.join(os.path.dirname(ROOT), "shared"))
    files = []
    for folder in ("seeds", "practice"):
        path = os.path.join(shared, folder)
        if os.path.isdir(path):
            files += [os.path.join(path, f) for f in sorted(os.listdir(path))
                      if f.endswith(INPUT_EXTENSIONS) and not f.endswith((".gold.json", "README.md"))]
    if not files:
        path = os.path.join(ROOT, "samples")
        files = [os.path.join(path, f) for f in sorted(os.listdir(path)) if f.endswith(INPUT_EXTENSIONS)]
    return files


def expected_answer(binary, path, work):
    """convert's JSON of the file, or its error message (the server names the file by its base name, as convert
    does when run beside it)."""
    name = os.path.basename(path)
    out = os.path.join(work, name + ".json")
    run = subprocess.run([binary, "convert", name, "-o", os.path.join(work, name + ".xlsx"), "--json", out, "-q"],
                         cwd=os.path.dirname(path), capture_output=True, text=True)
    if run.returncode == 0:
        with open(out, encoding="utf-8") as f:
            return ("plan", json.load(f))
    return ("error", run.stderr.strip().removeprefix("plansheet: "))


def multipart(name, data):
    boundary = uuid.uuid4().hex
    body = io.BytesIO()
    body.write(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
               f"Content-Type: application/octet-stream\r\n\r\n".encode())
    body.write(data + f"\r\n--{boundary}--\r\n".encode())
    return body.getvalue(), f"multipart/form-data; boundary={boundary}"


def post(url, name, data):
    body, content_type = multipart(name, data)
    req = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(req, timeout=120) as res:
            return res.status, res.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "plansheet"))
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)

    files = plan_files()
    work = tempfile.mkdtemp(prefix="serve-load-")
    expected = {path: expected_answer(binary, path, work) for path in files}
    payloads = [(path, os.path.basename(path), open(path, "rb").read()) for path in files]
    print(f"{len(files)} plans ({sum(1 for v in expected.values() if v[0] == 'plan')} read by convert, "
          f"{sum(1 for v in expected.values() if v[0] == 'error')} refused), {args.clients} clients, "
          f"{args.seconds:.0f} s, {args.workers} workers", flush=True)

    # Queue room for every client, so that a refusal (503) would be a failure here, not load shedding.
    server = subprocess.Popen([binary, "serve", "--port", "0", "--workers", str(args.workers), "--queue",
                               str(args.clients)], stderr=subprocess.PIPE, text=True,
                              env=dict(os.environ, TMPDIR=work))
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", server.stderr.readline())
    if not match:
        server.kill()
        sys.exit("serve_load: the server did not start")
    url = f"http://127.0.0.1:{match.group(1)}/api/read"

    latencies, failures, lock = [], [], threading.Lock()
    memory = []  # (seconds since start, RSS KiB)
    start = time.monotonic()
    stop_at = start + args.seconds

    def client(k):
        i = k
        while time.monotonic() < stop_at:
            path, name, data = payloads[i % len(payloads)]
            i += 1
            t0 = time.monotonic()
            status, body = post(url, name, data)
            elapsed = time.monotonic() - t0
            kind, want = expected[path]
            try:
                answer = json.loads(body)
                ok = (status == 200 and answer["plan"] == want) if kind == "plan" else \
                     (400 <= status < 500 and answer["error"] == want)
            except (ValueError, KeyError):
                ok = False
            with lock:
                latencies.append(elapsed)
                if not ok:
                    failures.append(f"{name}: status {status}, {body[:200]!r}")

    def sampler():
        while time.monotonic() < stop_at + 0.5:
            memory.append((time.monotonic() - start, rss_kib(server.pid)))
            time.sleep(1)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(args.clients)]
    watch = threading.Thread(target=sampler)
    watch.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    watch.join()
    server.terminate()
    server.wait(timeout=60)
    left = [f for f in os.listdir(work) if f.startswith("plansheet-serve-")]
    shutil.rmtree(work, ignore_errors=True)

    latencies.sort()
    n = len(latencies)
    print(f"requests: {n} in {elapsed:.1f} s = {n / elapsed:.1f} requests/s; wrong or failed: {len(failures)}")
    print(f"latency: p50 {1000 * statistics.median(latencies):.0f} ms, "
          f"p95 {1000 * latencies[min(n - 1, int(0.95 * n))]:.0f} ms, max {1000 * latencies[-1]:.0f} ms")
    marks = [m for m in memory if m[0] >= 0]
    line = ", ".join(f"{t:.0f}s {kib / 1024:.0f}" for t, kib in marks[::max(1, len(marks) // 12)])
    print(f"server RSS (MiB) over time: {line}")
    peak = max(kib for _, kib in memory)
    print(f"peak RSS: {peak / 1024:.1f} MiB")
    half = [kib for t, kib in memory if t >= elapsed / 2]
    first = [kib for t, kib in memory if 5 <= t < elapsed / 2]
    if half and first:
        print(f"RSS, first half (after 5 s) max {max(first) / 1024:.1f} MiB; second half max {max(half) / 1024:.1f} MiB")
    if left:
        failures.append(f"temporary folders left: {left}")
    for f in failures[:10]:
        print("  FAILED " + f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
