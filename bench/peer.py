#!/usr/bin/python3
"""The peer for the benchmarks: pandas reads the same clean tab-separated table and writes it with XlsxWriter.
usage: /usr/bin/python3 peer.py IN.tsv OUT.xlsx   (Debian's python3-pandas and python3-xlsxwriter)"""
import sys

import pandas as pd

table = pd.read_csv(sys.argv[1], sep="\t", dtype=str, keep_default_na=False, quoting=3)
table.to_excel(sys.argv[2], sheet_name="Actions", index=False, engine="xlsxwriter")
