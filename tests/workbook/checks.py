"""What the workbook scripts share: openpyxl, or a skip (exit 77) when it is missing, and a check that prints each
failure and keeps it in FAILURES for the script's exit code."""
import sys

try:
    import openpyxl  # noqa: F401  (the scripts import it again by name)
except ImportError:
    print("SKIP: openpyxl is not installed for %s (Debian: apt-get install python3-openpyxl)" % sys.executable)
    sys.exit(77)

FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL:", what)
