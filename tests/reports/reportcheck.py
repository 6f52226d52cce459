# SPDX-License-Identifier: MIT
"""What the report tests (html.sh, xlsx.sh, period.sh) share: counted checks, the CSV and
workbook readers, a sheet compared cell by cell with linkctl's CSV, and an 8-bit RGB or RGBA
PNG decoded by hand (PNG's five row filters) so that Chromium's screenshots are read without
a Python imaging library. On sys.path through $LINKCTL_REPORTS_DIR."""
import csv
import re
import struct
import zlib
from html.parser import HTMLParser

failures = []
checks = 0


def check(ok, what):
    global checks
    checks += 1
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def summary(name):
    """Prints "NAME: N checks, M failed"; the exit status for the script."""
    print(f"{name}: {checks} checks, {len(failures)} failed")
    return 1 if failures else 0


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def sheet_rows(ws):
    """The heading row (the sheet's second) and the rows under it, up to the first empty row
    (a period workbook's notes follow one)."""
    rows = list(ws.iter_rows(values_only=False))
    header = [c.value for c in rows[1]]
    body = []
    for r in rows[2:]:
        if all(c.value is None for c in r):
            break
        body.append(dict(zip(header, r)))
    return header, body


NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def same_as_csv(ws, csv_rows, mapping, what):
    """Every cell of the sheet under the headings of `mapping` (Chinese heading -> CSV column)
    against the CSV: numbers as numbers, text as text."""
    header, rows = sheet_rows(ws)
    for h in mapping:
        check(h in header, f"{what}: heading {h} present")
    check(len(rows) == len(csv_rows), f"{what}: {len(rows)} rows, the CSV has {len(csv_rows)}")
    for i, (x, c) in enumerate(zip(rows, csv_rows)):
        for h, col in mapping.items():
            cell, text = x.get(h), c[col]
            if NUMBER.match(text):
                ok = cell is not None and cell.data_type == "n" and not isinstance(cell.value, str) \
                    and float(cell.value) == float(text)
                check(ok, f"{what} row {i + 1} {col}: number {text}, the workbook has {cell and cell.value!r}")
            else:
                value = "" if cell is None or cell.value is None else cell.value
                check(value == text and (text == "" or cell.data_type == "s"),
                      f"{what} row {i + 1} {col}: text {text!r}, the workbook has {value!r}")
    return header, rows


def pixels(path):
    """(width, height, [(r, g, b), ...]) of the PNG at path (checked to be a PNG at all)."""
    data = open(path, "rb").read()
    check(data[:8] == b"\x89PNG\r\n\x1a\n", "the screenshot is a PNG")
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6), (depth, ctype)
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, stride, prev, out = zlib.decompress(idat), w * bpp, bytearray(w * bpp), []
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out.extend(tuple(line[i:i + 3]) for i in range(0, stride, bpp))
        prev = line
    return w, h, out


# The DOM Chromium dumps of a report page: the tags met, and the text under each innermost tag
# (an SVG bar's <title> tooltip apart, as "svg title", from the page's <title>).
class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.stack, self.text = [], [], {}
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag); self.stack.append(tag)
    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag: pass
    def handle_data(self, data):
        where = self.stack[-1] if self.stack else ""
        if where == "title" and "svg" in self.stack:
            where = "svg title"  # a bar's tooltip, not the page's title
        self.text[where] = self.text.get(where, "") + data
