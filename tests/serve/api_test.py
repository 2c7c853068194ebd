#!/usr/bin/env python3
"""The JSON API of `plansheet serve`, from outside: the built binary is started on a free loopback port (it prints
the port it got) with its own TMPDIR, and every endpoint and every error status is checked, then that TMPDIR is
empty. Answers are compared with `plansheet convert` on the same input and options.

  api_test.py PLANSHEET_BINARY SOURCE_DIR WORK_DIR
"""
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request
import uuid
import zipfile

BINARY, SOURCE, WORK = (os.path.abspath(a) for a in sys.argv[1:4])
SAMPLE = os.path.join(SOURCE, "samples", "leicestershire-2050-net-zero-action-plan.txt")
PROSE = os.path.join(SOURCE, "samples", "leicestershire-can-demonstrator-prose.txt")
XLS = os.path.join(SOURCE, "tests", "fixtures", "spreadsheets", "plan.xls")
BAD_XLS = os.path.join(SOURCE, "tests", "hostile", "spreadsheets", "not_ole.xls")


def read(path):
    with open(path, "rb") as f:
        return f.read()


class Server:
    """The server as a child process with its own empty TMPDIR."""

    def __init__(self, *flags):
        self.tmp = tempfile.mkdtemp(dir=WORK, prefix="tmp-")
        env = dict(os.environ, TMPDIR=self.tmp)
        # Run from WORK, where the tests leave files that a client might try to name.
        self.proc = subprocess.Popen([BINARY, "serve", "--port", "0", *flags], env=env, stderr=subprocess.PIPE,
                                     text=True, cwd=WORK)
        self.said = ""
        while True:
            line = self.proc.stderr.readline()
            self.said += line
            match = re.search(r"http://[0-9.]+:(\d+)/", line)
            if match:
                break
            if not line:
                self.proc.kill()
                raise RuntimeError(f"the server did not say where it listens: {self.said!r}")
        self.url = f"http://127.0.0.1:{match.group(1)}"

    def stop(self):
        """Stops the server as a service manager does (SIGTERM): it finishes and exits 0, with nothing more to say
        (a sanitizer's report would be said here)."""
        self.proc.terminate()
        code = self.proc.wait(timeout=120)
        rest = self.proc.stderr.read()
        self.proc.stderr.close()
        if code != 0 or rest:
            raise AssertionError(f"the server exited {code} on SIGTERM: {rest[-2000:]}")


def multipart(fields):
    """fields: (name, value) or (name, (filename, bytes)); returns (body, content type)."""
    boundary = uuid.uuid4().hex
    out = io.BytesIO()
    for name, value in fields:
        out.write(f"--{boundary}\r\n".encode())
        if isinstance(value, tuple):
            out.write(f'Content-Disposition: form-data; name="{name}"; filename="{value[0]}"\r\n'.encode())
            out.write(b"Content-Type: application/octet-stream\r\n\r\n" + value[1] + b"\r\n")
        else:
            out.write(f'Content-Disposition: form-data; name="{name}"\r\n\r\n'.encode())
            out.write((value if isinstance(value, bytes) else value.encode()) + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def request(url, fields=None, body=None, content_type=None):
    """(status, headers, body bytes) of a GET (no fields) or a multipart POST."""
    if fields is not None:
        body, content_type = multipart(fields)
    req = urllib.request.Request(url, data=body, method="GET" if body is None else "POST")
    if content_type:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=60) as res:
            return res.status, res.headers, res.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def convert_json(path, *flags):
    """`plansheet convert --json` of a file, without its "source" (the server names the upload, not a path)."""
    out = os.path.join(WORK, "convert.json")
    # From a copy in WORK, so that the messages name the file as the server names the upload.
    shutil.copy(path, os.path.join(WORK, os.path.basename(path)))
    subprocess.run([BINARY, "convert", os.path.basename(path), "-o", "convert.xlsx", "--json", "convert.json",
                    "--csv", "convert.csv", "-q", *flags], check=True, cwd=WORK)
    with open(out, encoding="utf-8") as f:
        plan = json.load(f)
    plan.pop("source")
    return plan


def generate(actions, name):
    path = os.path.join(WORK, name)
    subprocess.run([sys.executable, os.path.join(SOURCE, "bench", "gen_plan.py"), "--actions", str(actions),
                    "--seed", "7", "--messy", path, "--clean", path + ".clean"], check=True)
    return path


def big_plan(seconds=4.0):
    """A plan whose reading takes about `seconds` with this build (a sanitized build is many times slower): the
    time of a 2,000-action plan, scaled. bench/gen_plan.py's messy paste."""
    small = generate(2000, "small.txt")
    t0 = time.monotonic()
    subprocess.run([BINARY, "check", small], check=True, capture_output=True)
    per_action = (time.monotonic() - t0) / 2000
    return read(generate(max(2000, min(200_000, int(seconds / per_action))), "big.txt"))


class Api(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server("--workers", "2", "--max-upload", "1M")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        # Nothing of any request is left behind: the uploads and workbooks lived in private folders, now gone.
        left = os.listdir(cls.server.tmp)
        assert left == [], f"temporary files left after the responses: {left}"

    def post(self, endpoint, fields):
        return request(self.server.url + endpoint, fields)

    def assert_error(self, status, headers, body, expected_status, message_part):
        self.assertEqual(status, expected_status, body)
        self.assertEqual(headers["Content-Type"], "application/json")
        message = json.loads(body)["error"]
        self.assertIn(message_part, message)
        self.assertNotIn("\n", message)
        return message

    def test_health(self):
        status, headers, body = request(self.server.url + "/api/health")
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body)["status"], "ok")

    def test_page_and_security_headers(self):
        status, headers, body = request(self.server.url + "/")
        self.assertEqual(status, 200)
        self.assertTrue(headers["Content-Type"].startswith("text/html"))
        csp = headers["Content-Security-Policy"]
        self.assertIn("script-src 'self'", csp)
        self.assertIn("frame-ancestors 'none'", csp)
        self.assertNotIn("unsafe-inline", csp)
        self.assertEqual(headers["X-Content-Type-Options"], "nosniff")
        self.assertEqual(headers["Cache-Control"], "no-store")
        html = body.decode()
        self.assertNotRegex(html, r"<script>|<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+=|https?://")
        for asset in ("/app.js", "/style.css"):
            status, headers, _ = request(self.server.url + asset)
            self.assertEqual(status, 200, asset)
        self.assertEqual(request(self.server.url + "/../etc/passwd")[0], 404)
        self.assertEqual(request(self.server.url + "/nothing")[0], 404)

    def test_read_equals_convert(self):
        name = os.path.basename(SAMPLE)
        status, headers, body = self.post("/api/read", [("file", (name, read(SAMPLE)))])
        self.assertEqual(status, 200, body)
        answer = json.loads(body)
        self.assertEqual(answer["plan"]["source"], name)
        answer["plan"].pop("source")
        self.assertEqual(answer["plan"], convert_json(SAMPLE))
        explain = answer["explain"]
        self.assertEqual([c["position"] for c in explain["columns"]][:3], [1, 2, 3])
        first = explain["columns"][0]
        self.assertEqual((first["role"], first["label"]), ("id", "Action ID"))
        self.assertTrue(first["reason"] and first["samples"])
        self.assertIn("id", explain["roles"])
        self.assertIn("homoglyph", explain["rules"])
        self.assertTrue(explain["flags"])

    def test_read_with_options_equals_convert_with_flags(self):
        fields = [("file", (os.path.basename(SAMPLE), read(SAMPLE))), ("roles", "4=partners,5=lead"), ("grid", "year")]
        status, _, body = self.post("/api/read", fields)
        self.assertEqual(status, 200, body)
        plan = json.loads(body)["plan"]
        plan.pop("source")
        self.assertEqual(plan, convert_json(SAMPLE, "--roles", "4=partners,5=lead", "--grid", "year"))
        self.assertEqual(plan["columns"][3]["role"], "partners")

    def test_workbook(self):
        status, headers, body = self.post("/api/workbook", [("file", ("../../etc/My Plan.txt", read(SAMPLE)))])
        self.assertEqual(status, 200, body)
        self.assertEqual(headers["Content-Type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        # The client's name, folders and all, becomes no path: only a safe download name.
        self.assertEqual(headers["Content-Disposition"], 'attachment; filename="MyPlan.xlsx"')
        names = zipfile.ZipFile(io.BytesIO(body)).namelist()
        self.assertIn("xl/workbook.xml", names)
        self.assertFalse(os.path.exists(os.path.join(self.server.tmp, "..", "..", "etc", "My Plan.txt")))

    def test_exports(self):
        status, headers, body = self.post("/api/export", [("file", (os.path.basename(SAMPLE), read(SAMPLE))),
                                                          ("format", "json")])
        self.assertEqual(status, 200, body)
        plan = json.loads(body)
        plan.pop("source")
        self.assertEqual(plan, convert_json(SAMPLE))
        status, headers, body = self.post("/api/export", [("text", read(SAMPLE)), ("format", "csv")])
        self.assertEqual(status, 200, body)
        self.assertTrue(headers["Content-Type"].startswith("text/csv"))
        self.assertEqual(body, read(os.path.join(WORK, "convert.csv")))
        status, headers, body = self.post("/api/export", [("text", read(SAMPLE)), ("format", "pdf")])
        self.assert_error(status, headers, body, 400, "format takes xlsx, json or csv")

    def test_xls_upload_by_bytes(self):
        status, _, body = self.post("/api/read", [("file", ("plan.xls", read(XLS)))])
        self.assertEqual(status, 200, body)
        plan = json.loads(body)["plan"]
        self.assertEqual(plan["source"], "plan.xls")
        plan.pop("source")
        self.assertEqual(plan, convert_json(XLS))

    def test_a_file_name_is_never_opened(self):
        # A good workbook lies in the server's folder under the name the client sends; the client's bytes are not
        # a workbook, and those bytes are what is read.
        shutil.copy(XLS, os.path.join(WORK, "plan.xls"))
        self.assert_error(*self.post("/api/read", [("file", ("plan.xls", b"not a workbook at all"))]), 422,
                          "plan.xls")
        shutil.copy(SAMPLE, os.path.join(WORK, "notes.txt"))
        status, _, body = self.post("/api/read", [("file", ("notes.txt", read(PROSE)))])
        self.assertEqual(status, 422, body[:200])

    def test_bad_options(self):
        cases = [
            ([("text", "x"), ("rolez", "1=id")], "unknown option 'rolez'"),
            ([("text", read(SAMPLE)), ("roles", "1=boss")], "--roles: '1=boss' names no column role"),
            ([("text", read(SAMPLE)), ("grid", "weekly")], "--grid takes fy, quarter, year or month, not 'weekly'"),
            ([("text", read(SAMPLE)), ("header-row", "two")], "--header-row takes a whole number, not 'two'"),
            ([("text", read(SAMPLE)), ("max-cells", "99999999")], "option 'max-cells' is set by whoever runs"),
            ([("text", read(SAMPLE)), ("profile", "/etc/passwd")], "option 'profile' names a file on the server"),
            ([("roles", "1=id")], "no plan sent"),
            ([("text", "   \n")], "the plan sent is empty"),
        ]
        for fields, expected in cases:
            with self.subTest(expected=expected):
                self.assert_error(*self.post("/api/read", fields), 400, expected)
        status, headers, body = request(self.server.url + "/api/read", body=b"x", content_type="text/plain")
        self.assert_error(status, headers, body, 400, "multipart/form-data")

    def test_bad_option_message_is_the_clis(self):
        message = self.assert_error(*self.post("/api/read", [("text", read(SAMPLE)), ("roles", "1=boss")]), 400, "")
        cli = subprocess.run([BINARY, "check", SAMPLE, "--roles", "1=boss"], capture_output=True, text=True)
        self.assertEqual(cli.returncode, 2)
        self.assertEqual(cli.stderr.strip(), "plansheet: " + message)

    def test_prose(self):
        message = self.assert_error(*self.post("/api/read", [("file", ("prose.txt", read(PROSE)))]), 422,
                                    "prose.txt: no action table found")
        self.assertIn("--header-row", message)
        self.assert_error(*self.post("/api/workbook", [("file", ("prose.txt", read(PROSE)))]), 422, "no action table")

    def test_unreadable(self):
        self.assert_error(*self.post("/api/read", [("file", ("broken.xls", read(BAD_XLS)))]), 422, "broken.xls")
        self.assert_error(*self.post("/api/read", [("file", ("broken.xlsx", b"PK\x03\x04 not a zip"))]), 422,
                          "broken.xlsx")

    def test_too_large(self):
        big = b"T1\tAction\n" * 120_000  # 1.2 MB against --max-upload 1M: refused before the body is read
        for attempt in range(3):
            try:
                status, headers, body = self.post("/api/read", [("text", big)])
                break
            except (ConnectionError, urllib.error.URLError):
                continue  # the server answered 413 and closed while the body was still being sent
        self.assertEqual(status, 413)
        just_over = b"x" * ((1 << 20) + 10)  # within the form's framing allowance, over the limit on the plan itself
        self.assert_error(*self.post("/api/read", [("file", ("p.txt", just_over))]), 413, "over the server's upload limit")


class Busy(unittest.TestCase):
    """One worker, no queue and a one-second time limit: a long reading is answered 503 when the limit passes, and
    every request that arrives meanwhile 503 with Retry-After."""

    def test_full_queue_and_time_limit(self):
        plan = big_plan()
        server = Server("--workers", "1", "--queue", "0", "--time-limit", "1")
        try:
            # The long reading is answered when the limit passes, while its worker goes on with it ...
            t0 = time.monotonic()
            status, _, body = request(server.url + "/api/read", [("file", ("big.txt", plan))])
            self.assertEqual(status, 503, body[:200])
            self.assertIn("big.txt: the conversion took longer than the server's limit of 1 s", json.loads(body)["error"])
            self.assertLess(time.monotonic() - t0, 3.5)
            # ... so the only worker is busy and there is no queue: the next plan is refused at once.
            status, headers, body = request(server.url + "/api/read", [("text", read(SAMPLE))])
            self.assertEqual(status, 503, body[:200])
            self.assertEqual(headers["Retry-After"], "5")
            self.assertIn("busy", json.loads(body)["error"])
            self.assertEqual(request(server.url + "/api/health")[0], 200)
            # Once the worker is free again, plans are read as before.
            deadline = time.time() + 120
            while time.time() < deadline:
                status, _, body = request(server.url + "/api/read", [("text", read(SAMPLE))])
                if status != 503:
                    break
                time.sleep(0.1)
            self.assertEqual(status, 200, body[:200])
        finally:
            server.stop()
        self.assertEqual(os.listdir(server.tmp), [])


class Startup(unittest.TestCase):
    def test_loopback_by_default_and_a_warning_otherwise(self):
        server = Server()
        server.stop()
        self.assertIn("http://127.0.0.1:", server.said)
        self.assertNotIn("warning", server.said)
        server = Server("--host", "0.0.0.0")
        server.stop()
        self.assertIn("warning: listening on 0.0.0.0, not loopback", server.said)
        self.assertIn("reverse proxy with authentication", server.said)

    def test_bad_flags(self):
        for flags, message in [(["--port", "99999"], "--port takes 0 to 65535"),
                               (["--workers", "0"], "--workers takes a whole number of at least 1"),
                               (["--max-upload", "lots"], "--max-upload takes a size"),
                               (["--bogus"], "unknown option '--bogus' for serve")]:
            with self.subTest(flags=flags):
                run = subprocess.run([BINARY, "serve", *flags], capture_output=True, text=True, timeout=10)
                self.assertEqual(run.returncode, 2)
                self.assertIn(message, run.stderr)


if __name__ == "__main__":
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    unittest.main(argv=[sys.argv[0], "-v"])
