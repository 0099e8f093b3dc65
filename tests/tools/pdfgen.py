#!/usr/bin/env python3
"""Writes small test PDFs with chosen text positions and drawing order.

  python3 pdfgen.py NAME OUT.pdf

NAME is one of the documents below.  Body text is set in Courier (every
glyph 0.6 em wide) so line widths are known exactly; columns are filled
and justified by spacing words.  The text is written for these tests.
"""
import sys
import zlib

COURIER_W = 0.6


# ---- a minimal PDF writer ---------------------------------------------------

class Page:
    def __init__(self, w=612, h=792):
        self.w, self.h = w, h
        self.items = []  # (font, size, x, y_top, text)
        self.images = []

    def text(self, font, size, x, y_top, s):
        """y_top: baseline measured from the page's top edge."""
        self.items.append((font, size, x, y_top, s))


FONTS = {"C": "Courier", "CB": "Courier-Bold", "H": "Helvetica", "HB": "Helvetica-Bold",
         "T": "Times-Roman", "TB": "Times-Bold", "TI": "Times-Italic"}


def pdf_string(s):
    out = bytearray(b"(")
    for ch in s:
        if ch == "\x01":  # the fi ligature glyph (see the font's Differences)
            out += b"\\001"
            continue
        if ch == "\x02":  # a spacing caron (likewise)
            out += b"\\002"
            continue
        c = ord(ch)
        if ch in "()\\":
            out += b"\\" + ch.encode()
        elif 32 <= c < 127:
            out.append(c)
        else:
            out += b"\\%03o" % (c if c < 256 else ord("?"))
    out += b")"
    return bytes(out)


def write_pdf(path, pages, order=None, objects_extra=None, count_override=None):
    """order(page) -> list of item indices in the order they are drawn."""
    objs = []

    def add(body):
        objs.append(body)
        return len(objs)

    catalog = add(None)
    pages_id = add(None)
    font_ids = {}
    for key, base in FONTS.items():
        font_ids[key] = add(("<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding "
                             "<< /Type /Encoding /BaseEncoding /WinAnsiEncoding "
                             "/Differences [1 /fi /caron] >> >>" % base).encode())
    kids = []
    for pg in pages:
        ops = []
        idx = order(pg) if order else range(len(pg.items))
        for i in idx:
            font, size, x, y_top, s = pg.items[i]
            ops.append(b"BT /%s %g Tf %g %g Td %s Tj ET" %
                       (font.encode(), size, x, pg.h - y_top, pdf_string(s)))
        for (x, y_top, w, h) in pg.images:
            ops.append(b"q %g 0 0 %g %g %g cm BI /W 8 /H 8 /CS /G /BPC 8 ID " %
                       (w, h, x, pg.h - y_top - h) + bytes((i * 37) % 256 for i in range(64)) +
                       b" EI Q")
        data = zlib.compress(b"\n".join(ops))
        content = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data +
                      b"\nendstream")
        res = b" ".join(b"/%s %d 0 R" % (k.encode(), v) for k, v in font_ids.items())
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] "
                        b"/Resources << /Font << %s >> >> /Contents %d 0 R >>" %
                        (pages_id, pg.w, pg.h, res, content)))
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    count = len(kids) if count_override is None else count_override
    objs[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), count)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, catalog, xref)
    with open(path, "wb") as f:
        f.write(out)


# ---- laying out text in Courier columns -------------------------------------

def justify(words, width_chars, last):
    """Spreads words over width_chars characters (Courier), or leaves the
    last line of a paragraph ragged."""
    line = " ".join(words)
    if last or len(words) < 2:
        return line
    gaps = len(words) - 1
    extra = width_chars - len(line)
    out = words[0]
    for i, w in enumerate(words[1:]):
        out += " " * (1 + extra // gaps + (1 if i < extra % gaps else 0)) + w
    return out


def wrap(text, width_chars):
    """Greedy wrap; a word written "inter~national" may break at "~" with a
    hyphen (a line-end hyphen), else the "~" vanishes."""
    words = text.split()
    lines, cur = [], []
    for w in words:
        cand = " ".join(cur + [w.replace("~", "")])
        if len(cand) <= width_chars:
            cur.append(w.replace("~", ""))
            continue
        if "-" in w and "~" not in w:
            head, tail = w.split("-", 1)
            if len(" ".join(cur + [head + "-"])) <= width_chars:
                cur.append(head + "-")
                lines.append(cur)
                cur = [tail]
                continue
        if "~" in w:
            head, tail = w.split("~", 1)
            if len(" ".join(cur + [head + "-"])) <= width_chars:
                cur.append(head + "-")
                lines.append(cur)
                cur = [tail.replace("~", "")]
                continue
        lines.append(cur)
        cur = [w.replace("~", "")]
    if cur:
        lines.append(cur)
    return [justify(l, width_chars, i == len(lines) - 1) for i, l in enumerate(lines)]


class Flow:
    """Fills columns top to bottom, then the next column, then a new page."""

    def __init__(self, doc, cols, top, bottom, size=10, lead=12):
        self.doc, self.cols, self.top, self.bottom = doc, cols, top, bottom
        self.size, self.lead = size, lead
        self.col, self.y = 0, top
        self.page = doc.new_page()

    def width_chars(self):
        x0, x1 = self.cols[self.col]
        return int((x1 - x0) / (COURIER_W * self.size))

    def next_col(self):
        self.col += 1
        if self.col == len(self.cols):
            self.col = 0
            self.page = self.doc.new_page()
        self.y = self.top

    def line(self, s, font="C", size=None, sup=None):
        if self.y > self.bottom:
            self.next_col()
        x0 = self.cols[self.col][0]
        size = size or self.size
        self.page.text(font, size, x0, self.y, s)
        if sup:  # (char offset, digits): a raised, smaller marker after that char
            off, digits = sup
            self.page.text(font, size * 0.6, x0 + off * COURIER_W * size, self.y - size * 0.35,
                           digits)
        self.y += self.lead

    def para(self, text, sup_after=None):
        """sup_after: (word, digits) puts a superscript marker after word."""
        lines = wrap(text, self.width_chars())
        for s in lines:
            sup = None
            if sup_after and sup_after[0] in s.split():
                i = s.split().index(sup_after[0])
                # the marker goes in the gap after the word: shift the rest
                pos = s.find(sup_after[0]) + len(sup_after[0])
                sup = (pos, sup_after[1])
                sup_after = None
            self.line(s, sup=sup)
        self.y += self.lead * 0.6

    def heading(self, s):
        self.line(s, font="CB")
        self.y += self.lead * 0.3


class Doc:
    def __init__(self, w=612, h=792):
        self.w, self.h = w, h
        self.pages = []

    def new_page(self):
        p = Page(self.w, self.h)
        self.pages.append(p)
        return p


# ---- the documents ----------------------------------------------------------

P1 = ("Harbour records from the northern district show that the alpha convoy left "
      "before dawn, and the officers of the port recorded every cargo in a ledger kept "
      "for the customs office. The ledger was later copied by a clerk who noted each "
      "inter~national shipment in a separate column.")
P2 = ("The second account, written by a well-known trader, describes the same convoy "
      "from the opposite shore and adds that the weather turned against the crews in "
      "the afternoon while the harbour master waited for news from the coast guard "
      "station that stood above the bay near the old lighthouse on the cliff road")
P2b = ("and that the crews returned only after the storm had passed over the islands "
       "and the sea was calm again, which the trader called a well-known pattern of that "
       "season.")
P3 = ("A third source, the \x01nal report of the commission, gives a shorter "
      "account and lists the names of the captains who sailed with the convoy.")
P4 = ("The commission met nine times over two years and heard evidence from sailors, "
      "merchants and clerks, and it kept its minutes in a bound volume that survives in "
      "the archive of the town hall where readers may consult it on request during the "
      "opening hours of the reading room, which are posted at the entrance")
P4b = ("beside the notice board of the library. Its conclusions were published in a "
       "pamphlet that circulated widely in the region.")
P5 = ("Later historians have compared these accounts and found that they agree on the "
      "main events while differing on the dates of the departure and the return.")


def fill_until(f, lines_left, col):
    """Adds filler paragraphs while more than lines_left lines fit in the
    column."""
    n = len(wrap(P5, f.width_chars()))
    while f.col == col and (f.bottom - f.y) / f.lead + 1 - n - 0.6 > lines_left + 2:
        f.para(P5)
    # then white space, as before a paragraph, so exactly lines_left fit
    f.y = max(f.y, f.bottom - (lines_left - 1) * f.lead)


def report(order_name):
    doc = Doc()
    cols = [(56, 56 + 40 * 6), (56 + 40 * 6 + 24, 56 + 80 * 6 + 24)]  # 240pt columns, 24pt gutter
    f = Flow(doc, cols, top=150, bottom=700)
    f.page.text("HB", 18, 150, 100, "Convoy Records of the Northern Harbour")
    f.page.text("TI", 11, 200, 122, "A sample report for reading tests")
    f.heading("Background")
    f.para(P1, sup_after=("convoy", "1"))
    # P2 runs over from the first column into the second, P4 from the
    # first page to the second
    p2 = P2 + " " + P2b
    fill_until(f, len(wrap(p2, f.width_chars())) - 3, 0)
    f.para(p2)
    f.heading("Findings")
    f.para(P3, sup_after=("report", "2"))
    p4 = P4 + " " + P4b
    fill_until(f, len(wrap(p4, f.width_chars())) - 4, 1)
    f.para(p4)
    f.para(P5)
    f.heading("Notes")
    f.line("1 Harbour ledger, customs office copy.")
    f.line("2 Commission report, chapter three.")
    for i, pg in enumerate(doc.pages, 1):
        pg.text("T", 9, 56, 40, "Northern Harbour Review")
        pg.text("T", 9, 480, 40, "Issue 7")
        pg.text("T", 9, 300, 760, str(i))

    def crossed(pg):
        # row by row across both columns, as some word processors draw
        return sorted(range(len(pg.items)), key=lambda i: (round(pg.items[i][3]), pg.items[i][2]))

    def ordered(pg):
        return list(range(len(pg.items)))

    def reversed_(pg):
        return sorted(range(len(pg.items)), key=lambda i: (-pg.items[i][2], -pg.items[i][3]))

    return doc, {"crossed": crossed, "ordered": ordered, "reversed": reversed_}[order_name]


def footnotes():
    """One column over two pages; a paragraph runs over the page break,
    past a footnote in small type at the foot of the first page."""
    doc = Doc()
    f = Flow(doc, [(72, 72 + 78 * 6)], top=100, bottom=640)
    f.page.text("HB", 16, 72, 70, "Field Notes on River Trade")
    f.para(P1, sup_after=("convoy", "3"))
    body = (P4 + " " + P4b + " ") * 2
    fill_until(f, len(wrap(body, f.width_chars())) - 4, 0)
    f.para(body)
    f.para(P5)
    # the footnote of page one, set small with a raised number
    p1 = doc.pages[0]
    p1.text("C", 5, 72, 700, "3")
    p1.text("C", 8, 76, 703, "Ledger of the harbour office, second volume.")
    return doc


TAG_VOCAB = ("harbour ledger convoy clerk cargo coast bay island storm crew trader "
             "record shore tide mast sail rope dock pier lamp").split()


def tagged_para(f, rnd, i):
    """Sets paragraph i, 30 to 70 random words justified, in flow f; every
    tenth word is a tag "qIxJ" (paragraph I, word J) that must come out in
    order."""
    rest = [("q%dx%d" % (i, j)) if j % 10 == 0 else rnd.choice(TAG_VOCAB)
            for j in range(rnd.randint(30, 70))]
    rest[-1] += "."
    while rest:
        if f.y > f.bottom:
            f.next_col()
        wc = f.width_chars()
        line = []
        while rest and len(" ".join(line + [rest[0]])) <= wc:
            line.append(rest.pop(0))
        f.line(justify(line, wc, not rest))
    f.y += f.lead * 0.6


def uneven():
    """Two justified columns of unequal width (wide and narrow), drawn row
    by row across both, of tagged paragraphs."""
    import random
    rnd = random.Random(5)
    doc = Doc()
    f = Flow(doc, [(56, 356), (376, 544)], top=120, bottom=700)
    f.page.text("HB", 16, 56, 90, "Unequal Columns")
    for i in range(40):
        tagged_para(f, rnd, i)
    return doc


def spaced():
    """Two justified columns set with wide line spacing from close under
    the page's top edge, drawn row by row across both, over three pages,
    of tagged paragraphs: the first rows of a page are no header (every
    row stands as far from the next)."""
    import random
    rnd = random.Random(7)
    doc = Doc()
    f = Flow(doc, [(56, 296), (320, 560)], top=60, bottom=740, size=10, lead=22)
    i = 0
    while len(doc.pages) < 3 or f.col == 0:
        tagged_para(f, rnd, i)
        i += 1
    return doc


def spaced_heading():
    """Two columns set 2.2 lines apart over two pages, each line tagged
    "qIx0" in reading order; page 2's left column opens with a
    paragraph's last line, then a short heading after a paragraph gap,
    so that its rows stand at other heights than the right column's."""
    doc = Doc()
    lead, n = 22, 31
    words = "harbour ledger convoy clerk cargo coast bay island storm".split()
    tag = [0]

    def line(pg, x, y, last=False):
        ws = ["q%dx0" % tag[0]] + [words[(tag[0] + k) % len(words)] for k in range(5)]
        tag[0] += 1
        pg.text("C", 10, x, y, justify(ws, 40, last) + ("." if last else ""))

    for p in range(2):
        pg = doc.new_page()
        ys = [60 + lead * k for k in range(n)]
        if p == 1:  # a paragraph's end, a gap, a heading, then the column
            line(pg, 56, ys[0], last=True)
            pg.text("CB", 10, 56, ys[0] + lead + 13, "Funding")
            ys = [y + 2 * lead + 13 for y in ys[:n - 3]]
        for y in ys:
            line(pg, 56, y)
        for y in [60 + lead * k for k in range(n)]:
            line(pg, 320, y)
    return doc


def gap_top(foot=False):
    """Two columns set 2.2 lines apart over two pages, each line tagged
    "qIx0" in reading order; on page 2 both columns open with a
    paragraph's last line and a paragraph gap, so that their first row
    stands apart from the rest as a running header would (foot: on page 1
    both end with a paragraph gap and one line, as a footer would)."""
    doc = Doc()
    lead, n = 22, 31
    words = "harbour ledger convoy clerk cargo coast bay island storm".split()
    tag = [0]

    def line(pg, x, y, last=False):
        ws = [words[(tag[0] + k) % len(words)] for k in range(5)]
        ws.insert(2, "q%dx0" % tag[0])
        tag[0] += 1
        pg.text("C", 10, x, y, justify(ws, 40, last) + ("." if last else ""))

    for p in range(2):
        pg = doc.new_page()
        for x in (56, 320):
            ys = [60 + lead * k for k in range(n)]
            if p == 1 and not foot:  # a paragraph's end, then a gap
                line(pg, x, ys[0], last=True)
                ys = [y + lead + 12 for y in ys[:n - 2]]
            if p == 0 and foot:  # a paragraph's end, a gap, a line
                for y in ys[:n - 3]:
                    line(pg, x, y)
                line(pg, x, ys[n - 3], last=True)
                ys = [ys[n - 2] + 12]
            for y in ys:
                line(pg, x, y)
    return doc


def short_last(last=(3, 3)):
    """Two justified columns over two pages, drawn row by row across both,
    each line tagged "qIx0" in reading order; the last page holds last
    rows of its left and right column, and its number."""
    doc = Doc()
    lead = 14
    words = "harbour ledger convoy clerk cargo coast bay island storm tide mast".split()
    tag = [0]

    def line(pg, x, y):
        # the tag third: tags of one width first on every line would line
        # their gaps up into a strip of white down the column
        ws = [words[(tag[0] + k) % len(words)] for k in range(5)]
        ws.insert(2, "q%dx0" % tag[0])
        tag[0] += 1
        pg.text("C", 10, x, y, justify(ws, 40, False))

    for rows in ((45, 45), last):
        pg = doc.new_page()
        for x, n in zip((56, 320), rows):
            for k in range(n):
                line(pg, x, 60 + lead * k)
        pg.text("C", 10, 300, 760, str(len(doc.pages)))
    return doc


def accents():
    """One line whose accented letters are drawn as TeX draws them: the
    letter, then a spacing accent set over it ("c" and a caron, "c" and an
    acute), and once the accent first."""
    doc = Doc()
    pg = doc.new_page()
    x, y, size = 72, 100, 10
    pg.text("C", size, x, y, "The clerk Dragan Kovacevic met Nikola Radonjic at the pier.")
    col = lambda k: x + k * COURIER_W * size
    word = "The clerk Dragan Kova"
    pg.text("C", size, col(len(word)), y, "\x02")           # over the "c"
    pg.text("C", size, col(len(word) + 4), y, "\xb4")       # over the last "c"
    at = len("The clerk Dragan Kovacevic met Nikola Radonji")
    pg.items.insert(0, ("C", size, col(at), y, "\xb4"))     # drawn before its letter
    return doc


def tight():
    """Three pages whose running header and footer sit close to the text,
    with no white space setting them apart."""
    doc = Doc()
    f = Flow(doc, [(72, 72 + 78 * 6)], top=60, bottom=740)
    body = " ".join([P1, P2, P2b, P3, P4, P4b, P5] * 3)
    f.para(body)
    n = len(doc.pages)
    for i, pg in enumerate(doc.pages, 1):
        pg.text("C", 10, 72, 49, "Tight Header Bulletin")
        pg.text("C", 10, 72, 751, "Page %d of %d" % (i, n))
    return doc


def close_number():
    """Four pages of two widely spaced columns, each page's number set
    small and centred close under where the columns' last lines stand on a
    full page (closer than the lines stand to each other), as a word
    processor's footer may be."""
    doc = Doc()
    f = Flow(doc, [(56, 296), (320, 560)], top=80, bottom=718, size=10, lead=18)
    body = " ".join([P1, P2, P2b, P3, P4, P4b, P5] * 6)
    f.para(body)
    for i, pg in enumerate(doc.pages, 1):
        pg.text("C", 8, 306, 724, str(i))  # 6 under the last baseline
    return doc


def table():
    """A paragraph, then a two-column table with short cells on the left,
    then a paragraph: the table is read row by row."""
    doc = Doc()
    f = Flow(doc, [(72, 72 + 78 * 6)], top=100, bottom=740)
    f.para(P1)
    rows = [("Harbour master", "kept the ledger of arrivals"),
            ("Clerk", "copied the ledger for the office"),
            ("Trader", "wrote the second account"),
            ("Captain", "sailed with the alpha convoy"),
            ("Commission", "heard the evidence in two years"),
            ("Archivist", "keeps the minutes in the town hall")]
    for a, b in rows + [(a + " II", b + " later") for a, b in rows]:
        f.page.text("C", 10, 72, f.y, a)
        f.page.text("C", 10, 300, f.y, b)
        f.y += f.lead
    f.y += f.lead * 0.6
    f.para(P5)
    return doc


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    name, out = sys.argv[1], sys.argv[2]
    if name.startswith("report-"):
        doc, order = report(name[len("report-"):])
        write_pdf(out, doc.pages, order)
    elif name == "uneven":
        write_pdf(out, uneven().pages, lambda pg: sorted(
            range(len(pg.items)), key=lambda i: (round(pg.items[i][3]), pg.items[i][2])))
    elif name == "spaced":
        write_pdf(out, spaced().pages, lambda pg: sorted(
            range(len(pg.items)), key=lambda i: (round(pg.items[i][3]), pg.items[i][2])))
    elif name in ("gap-top", "gap-foot"):
        write_pdf(out, gap_top(name == "gap-foot").pages, lambda pg: sorted(
            range(len(pg.items)), key=lambda i: (round(pg.items[i][3]), pg.items[i][2])))
    elif name == "spaced-heading":
        write_pdf(out, spaced_heading().pages, lambda pg: sorted(
            range(len(pg.items)), key=lambda i: (round(pg.items[i][3]), pg.items[i][2])))
    elif name in ("short-last", "lone-right", "two-rows"):
        last = {"short-last": (3, 3), "lone-right": (8, 1), "two-rows": (2, 2)}[name]
        write_pdf(out, short_last(last).pages, lambda pg: sorted(
            range(len(pg.items)), key=lambda i: (round(pg.items[i][3]), pg.items[i][2])))
    elif name == "accents":
        write_pdf(out, accents().pages)
    elif name == "tight":
        write_pdf(out, tight().pages)
    elif name == "close-number":
        write_pdf(out, close_number().pages)
    elif name == "table":
        write_pdf(out, table().pages)
    elif name == "footnotes":
        write_pdf(out, footnotes().pages)
    elif name == "image-only":
        pg = Page()
        pg.images.append((100, 100, 400, 500))
        write_pdf(out, [pg])
    elif name == "zero-pages":
        write_pdf(out, [])
    elif name == "many-pages":
        pages = []
        for i in range(12):
            pg = Page()
            pg.text("C", 10, 72, 100, "Page body number %d of a long file." % (i + 1))
            pages.append(pg)
        write_pdf(out, pages)
    else:
        print("pdfgen: unknown document '%s'" % name, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
