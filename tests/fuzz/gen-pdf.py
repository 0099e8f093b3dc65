#!/usr/bin/env python3
"""Writes small PDFs, well-formed and hostile, for fuzz seeds and the
bad-input tests.  Usage: gen-pdf.py KIND OUT

KIND: text, twocol, pages (300 pages), count-lie (page count 2^31-1 with one
page), kids-cycle (a page tree that contains itself), self-ref (an object
that is a reference to itself), deep (content and objects nested 100000
deep), many-kids (one page listed 200000 times), truncated (text cut in the
middle), no-text (one empty page), fake-encrypted (an /Encrypt dictionary the
empty password does not open), bad-xref (offsets that point nowhere)."""
import sys
import zlib


def content(lines, x=72, y0=720):
    out = ["BT /F1 11 Tf 14 TL %d %d Td" % (x, y0)]
    for ln in lines:
        ln = ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        out.append("(%s) Tj T*" % ln)
    out.append("ET")
    return "\n".join(out).encode()


def build(objs, trailer_extra=b"", root=1, compress=False, xref=True):
    """objs: list of bytes bodies for objects 1..n (None leaves a gap)."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, body in enumerate(objs, 1):
        offs.append(len(out))
        if body is None:
            continue
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    x = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
        for o in offs:
            out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root %d 0 R " % (len(objs) + 1, root) + trailer_extra + b">>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % x
    return bytes(out)


def stream(data, compress=False):
    if compress:
        data = zlib.compress(data)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
PAGE = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>")

PARA = ["Regional Security Notes", "", "The river authority reported that the",
        "northern office opened in 2019.3 Its director met the",
        "provincial council twice that year.", "", "Notes",
        "3 Annual report of the authority."]


def simple(lines, compress=False):
    return build([b"<< /Type /Catalog /Pages 2 0 R >>",
                  b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", FONT, PAGE % 5,
                  stream(content(lines), compress)])


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "text":
        data = simple(PARA, compress=True)
    elif kind == "twocol":
        left = ["Left column words run on", "and on in their own order", "to the end."]
        right = ["Right column text starts", "here and also keeps its", "order."]
        c = content(left, 72, 700) + b"\n" + content(right, 320, 700)
        data = build([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", FONT, PAGE % 5, stream(c)])
    elif kind == "pages":
        n = 300
        objs = [b"<< /Type /Catalog /Pages 2 0 R >>", None, FONT, stream(content(PARA))]
        kids = []
        for i in range(n):
            objs.append(PAGE % 4)
            kids.append(b"%d 0 R" % len(objs))
        objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % n
        data = build(objs)
    elif kind == "count-lie":
        data = build([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [4 0 R] /Count 2147483647 >>", FONT, PAGE % 5,
                      stream(content(PARA))])
    elif kind == "kids-cycle":
        data = build([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [2 0 R 4 0 R 6 0 R] /Count 3 >>", FONT, PAGE % 5,
                      stream(content(PARA)),
                      b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 6 0 R] /Count 2 >>"])
    elif kind == "self-ref":
        data = build([b"<< /Type /Catalog /Pages 2 0 R >>", b"2 0 R"])
    elif kind == "deep":
        d = 100000
        c = b"BT /F1 11 Tf 72 720 Td " + b"[" * d + b"(x)" + b"]" * d + b" TJ ET"
        data = build([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", FONT,
                      b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                      b"/Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R /X "
                      + b"[" * d + b"]" * d + b" >>", stream(c)])
    elif kind == "many-kids":
        n = 200000
        data = build([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [" + b"4 0 R " * n + b"] /Count %d >>" % n, FONT,
                      PAGE % 5, stream(content(PARA))])
    elif kind == "truncated":
        full = simple(PARA * 20)
        data = full[: len(full) // 2]
    elif kind == "no-text":
        data = build([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", FONT, PAGE % 5,
                      stream(b"0 0 m 100 100 l S")])
    elif kind == "fake-encrypted":
        o = b"<" + b"6a" * 32 + b">"
        data = build([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", FONT, PAGE % 5,
                      stream(content(PARA)),
                      b"<< /Filter /Standard /V 1 /R 2 /O " + o + b" /U " + o + b" /P -4 >>"],
                     trailer_extra=b"/Encrypt 6 0 R /ID [<0123456789abcdef0123456789abcdef>"
                                   b"<0123456789abcdef0123456789abcdef>] ")
    elif kind == "bad-xref":
        full = bytearray(simple(PARA))
        i = full.index(b"xref\n")
        full[i + 30:i + 80] = b"9" * 50
        data = bytes(full)
    else:
        sys.exit("gen-pdf.py: unknown kind '%s'" % kind)
    with open(path, "wb") as f:
        f.write(data)


main()
