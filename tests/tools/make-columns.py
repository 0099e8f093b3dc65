#!/usr/bin/env python3
"""Lay clean text out in two columns and linearise it the way a column-blind
PDF extractor (pdfminer's pdf2txt with default settings) does: text boxes
separated by blank lines, the two columns' boxes in bands down the page (a
line of each in turn, or a stretch of the left column and then the stretch
of the right one beside it), loosely justified lines exploded into one word
per box (some landing a few boxes later), words hyphenated at line ends, page numbers and
a running header on every page.

  make-columns.py CLEAN.txt [--seed N] [--width CHARS] [--lines N] > GARBLED.txt
  make-columns.py CLEAN.txt --pdfminer [--seed N] > GARBLED.txt

--pdfminer sets the text in two justified columns with groff (ms macros,
PDF output) and extracts it with pdfminer's pdf2txt (Debian packages groff
and python3-pdfminer): the real extractor's ordering, line by line.  The
seed picks the font size, line spacing, column width and justification.

CLEAN.txt: the title on the first line, then blocks separated by blank lines
(headings are blocks of one short line without final punctuation); a block
"Notes" starts the notes section, whose lines are kept as they are, after
the columns.  Deterministic for a given seed.
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile


def blocks_of(text):
    out, cur = [], []
    for line in text.splitlines():
        if line.strip():
            cur.append(line.strip())
        elif cur:
            out.append(" ".join(cur))
            cur = []
    if cur:
        out.append(" ".join(cur))
    return out


def is_heading(b):
    return len(b) < 60 and b[-1] not in ".,;:!?\"”)" and len(b.split()) <= 8


def layout_args():
    """The arguments of the layout tools: CLEAN.txt OUT [--seed N] [--prose]."""
    ap = argparse.ArgumentParser()
    ap.add_argument("clean")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--prose", action="store_true")
    ap.add_argument("--word", action="store_true",
                    help="one word-processor style: 12 pt serif, 1.5 line spacing, 6 pt after "
                    "each paragraph, no indent, justified; the title block spans the page")
    ap.add_argument("--header", metavar="LEFT|RIGHT",
                    help="with --word: a running header, LEFT flush left and RIGHT flush right "
                    "(on every page with layout-latex.py, from the second on with the others)")
    ap.add_argument("--tight", action="store_true",
                    help="with --word, layout-latex.py only: single spacing, an upright running "
                    "header and no page number, the shared cases' Charter style")
    return ap.parse_args()


def extract_pdf(out):
    """pdf2txt's extraction of OUT.pdf, written to OUT.txt."""
    text = subprocess.run(["pdf2txt", out + ".pdf"], stdout=subprocess.PIPE, check=True,
                          encoding="utf-8").stdout
    with open(out + ".txt", "w", encoding="utf-8") as f:
        f.write(text)


def title_block(blocks):
    """The title and up to two short lines under it (a subtitle, an author,
    a date: no final stop or colon), which span the page; and the rest."""
    n = 1
    while n < min(3, len(blocks)):
        b = blocks[n]
        if len(b) > 100 or b[-1] in ".:;,!?" or len(b.split()) > 14:
            break
        n += 1
    return blocks[:n], blocks[n:]


def prose_body(blocks):
    """The body of a text read as prose: the blocks after the title, without
    headings, up to a notes section."""
    body = []
    for b in blocks[1:]:
        if b.lower().rstrip(":") in ("notes", "endnotes", "references"):
            break
        if not is_heading(b):
            body.append(b)
    return body


def wrap(par, width, rnd, hyphenate=True):
    """Greedy wrap; a long word that does not fit may be split with a hyphen
    (or at its own hyphen)."""
    lines, cur = [], ""
    for w in par.split():
        cand = (cur + " " + w) if cur else w
        if len(cand) <= width:
            cur = cand
            continue
        room = width - len(cur) - (1 if cur else 0) - 1
        split = None
        if hyphenate and room >= 3:
            if "-" in w[:room + 1]:
                k = w[:room + 1].rindex("-")
                if k >= 2:
                    split = (w[:k + 1], w[k + 1:])
            if split is None and len(w) >= 7 and w.isalpha() and rnd.random() < 0.7:
                k = min(room, len(w) - 3)
                if k >= 3:
                    split = (w[:k] + "-", w[k:])
        if split and split[1]:
            lines.append(((cur + " ") if cur else "") + split[0])
            cur = split[1]
        else:
            if cur:
                lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


def groff_escape(s):
    s = s.replace("\\", "\\e")
    return "\\&" + s if s[:1] in (".", "'") else s


def pdfminer_layout(blocks, seed):
    """groff (ms, two columns) -> PDF -> pdf2txt: returns the extracted text."""
    for tool in ("groff", "pdf2txt"):
        if not shutil.which(tool):
            sys.exit("make-columns: %s missing (packages groff, python3-pdfminer)" % tool)
    rnd = random.Random(seed)
    ps = rnd.choice([9, 10, 11])
    vs = ps * rnd.choice([1.6, 1.8, 2.0])  # wide leading: one text box per line
    ms = [".nr PO 0.8i", ".nr LL %.1fi" % rnd.choice([6.0, 6.5, 6.9]), ".nr PS %d" % ps,
          ".nr VS %.1fp" % vs, ".nr PD 0", ".fam " + rnd.choice(["T", "T", "H"]),
          ".TL", groff_escape(blocks[0]), ".2C"]
    if rnd.random() < 0.3:
        ms.append(".ad l")
    for b in blocks[1:]:
        ms += [".SH", groff_escape(b), ".PP"] if is_heading(b) else [".PP", groff_escape(b)]
    with tempfile.TemporaryDirectory() as d:
        src, pdf = os.path.join(d, "t.ms"), os.path.join(d, "t.pdf")
        with open(src, "w", encoding="utf-8") as f:
            f.write("\n".join(ms) + "\n")
        with open(pdf, "wb") as f:
            subprocess.run(["groff", "-k", "-ms", "-Tpdf", src], stdout=f,
                           stderr=subprocess.DEVNULL, check=True)
        return subprocess.run(["pdf2txt", pdf], stdout=subprocess.PIPE, check=True,
                              encoding="utf-8").stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("clean")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--width", type=int, default=46)
    ap.add_argument("--lines", type=int, default=38, help="lines per column and page")
    ap.add_argument("--explode", type=float, default=0.08,
                    help="share of full lines exploded into single words")
    ap.add_argument("--group", type=float, default=0.25,
                    help="share of boxes holding two lines of one column")
    ap.add_argument("--page-style", choices=["auto", "plain", "page", "dash"], default="auto",
                    help='page numbers: "3", "Page 3", "- 3 -" (auto: by the seed)')
    ap.add_argument("--pdfminer", action="store_true",
                    help="typeset with groff and extract with pdf2txt instead")
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    with open(args.clean, encoding="utf-8") as f:
        blocks = blocks_of(f.read())
    if not blocks:
        sys.exit("no text")
    if args.pdfminer:
        sys.stdout.write(pdfminer_layout(blocks, args.seed))
        return
    title, body = blocks[0], blocks[1:]
    notes = []
    for i, b in enumerate(body):
        if b.lower().rstrip(":") in ("notes", "endnotes", "references"):
            # the notes keep one entry per line
            raw = open(args.clean, encoding="utf-8").read().split("\n\n")
            for chunk in raw:
                if chunk.strip().lower().rstrip(":") == b.lower().rstrip(":"):
                    idx = raw.index(chunk)
                    notes = [b] + [l for c in raw[idx + 1:] for l in c.splitlines() if l.strip()]
                    break
            body = body[:i]
            break

    # column lines: (text, kind) with kind "full" (may be justified), "end", "head"
    col = []
    for b in body:
        if is_heading(b):
            col.append((b, "head"))
            continue
        ls = wrap(b, args.width, rnd)
        for k, l in enumerate(ls):
            col.append((l, "end" if k == len(ls) - 1 else "full"))

    header = title if len(title) <= args.width else " ".join(title.split()[:4])
    out = []  # boxes: list of lists of lines

    def box(*lines):
        out.append(list(lines))

    box(title)
    page, pos = 1, 0
    while pos < len(col):
        if page > 1 or rnd.random() < 0.5:
            box(header)
        n = args.lines - (6 if page == 1 else 0)
        left, right = col[pos:pos + n], col[pos + n:pos + 2 * n]
        pos += 2 * n
        # bands of the page, top to bottom: where the columns' lines stand
        # level they alternate, a line of each; where they are offset the
        # extractor reads a stretch of the left column, then the stretch of
        # the right one beside it (the same number of rows)
        seq, li, ri = [], 0, 0
        while li < len(left) or ri < len(right):
            run = 1 if rnd.random() < 0.5 else rnd.randint(2, 10)
            for _ in range(run):
                if li < len(left):
                    seq.append(left[li]); li += 1
            for _ in range(run):
                if ri < len(right):
                    seq.append(right[ri]); ri += 1
        pending = []  # exploded words still to land: (countdown, words)
        k = 0
        while k < len(seq):
            text, kind = seq[k]
            words = text.split()
            if kind == "full" and len(words) >= 4 and len(text) >= args.width - 8 and \
                    rnd.random() < args.explode:
                if rnd.random() < 0.6:
                    for w in words:
                        box(w)
                else:
                    box(words[0]); box(words[-1])
                    pending.append([rnd.randint(1, 3), words[1:-1]])
            elif rnd.random() < args.group and k + 1 < len(seq) and seq[k + 1][1] != "head" and \
                    kind != "head":
                # two lines of one run in one box, when they are of one column
                nxt = seq[k + 1]
                same = (seq[k] in left) == (nxt in left)
                if same:
                    box(text, nxt[0]); k += 1
                else:
                    box(text)
            else:
                box(text)
            for p in pending:
                p[0] -= 1
            for p in [p for p in pending if p[0] <= 0]:
                for w in p[1]:
                    box(w)
                pending.remove(p)
            k += 1
        for p in pending:
            for w in p[1]:
                box(w)
        style = args.page_style
        if style == "auto":
            style = "page" if args.seed % 2 else "plain"
        box({"plain": "%d", "page": "Page %d", "dash": "- %d -"}[style] % page)
        page += 1
    if notes:
        box(*notes)
    sys.stdout.write("\n\n".join("\n".join(b) for b in out) + "\n")


if __name__ == "__main__":
    main()
