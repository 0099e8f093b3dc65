#!/usr/bin/env python3
"""Set clean text in two columns with pdflatex and extract it with pdfminer's
pdf2txt: a real typesetter's layout, read the column-blind way.

  layout-latex.py CLEAN.txt OUT [--seed N] [--prose] [--word [--tight] [--header 'LEFT|RIGHT']]

Writes OUT.pdf, OUT.txt (the extraction) and OUT.gold (the clean text, or
with --prose the text without headings and notes, under a title block with
an author and a date).  The seed picks size, font, paragraph spacing,
leading, margins and whether a running header and "Page N" footer are set.
Needs pdflatex (texlive-latex-base, texlive-latex-recommended,
texlive-fonts-recommended) and pdf2txt (python3-pdfminer); these are not
dependencies of the project, so nothing in `make check` uses this tool.
CLEAN.txt as for make-columns.py."""
import importlib.util
import os
import random
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("mc", os.path.join(HERE, "make-columns.py"))
mc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mc)

SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
           "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
           "^": r"\textasciicircum{}"}


def esc(s):
    return "".join(SPECIAL.get(c, c) for c in s)


def word(args, blocks):
    """One word-processor-like style: A4, 11 pt Charter at 1.35 line
    spacing, 6 pt between paragraphs, no indent; the title block centred
    above the columns; the title and the last short line of its block as
    running header, "Page N" at the foot."""
    head, body = mc.title_block(blocks)
    if args.prose:
        body = [b for b in body if not mc.is_heading(b)]
    left = head[0] if len(head[0]) <= 40 else " ".join(head[0].split()[:3])
    right = head[-1] if len(head) > 1 and len(head[-1]) <= 30 else ""
    if args.header:
        left, _, right = args.header.partition("|")
    tex = [r"\documentclass[11pt,twocolumn,a4paper]{article}",
           r"\usepackage[T1]{fontenc}", r"\usepackage[utf8]{inputenc}", r"\usepackage{charter}",
           r"\usepackage{helvet}",
           r"\usepackage[left=0.9in,right=0.9in,top=0.85in,bottom=0.95in]{geometry}",
           r"\setlength{\columnsep}{20pt}", r"\setlength{\parskip}{6pt}",
           r"\setlength{\parindent}{0pt}", r"\linespread{%s}" % ("1.0" if args.tight else "1.35"),
           r"\usepackage{fancyhdr}", r"\pagestyle{fancy}", r"\fancyhf{}",
           r"\lhead{\small%s %s}" % ("" if args.tight else r"\itshape", esc(left)),
           r"\rhead{\small%s %s}" % ("" if args.tight else r"\itshape", esc(right)),
           "" if args.tight else r"\rfoot{\small Page \thepage}",
           r"\renewcommand{\headrulewidth}{0pt}", r"\begin{document}",
           r"\twocolumn[{\centering{\fontsize{15.8}{19}\sffamily\bfseries %s\par}\vspace{10pt}"
           % esc(head[0]) + "".join(r"{\itshape %s\par}" % esc(h) for h in head[1:])
           + r"\vspace{16pt}}]"]
    tex += [esc(b) + "\n" for b in body]
    tex.append(r"\end{document}")
    typeset(args, tex)
    with open(args.out + ".gold", "w", encoding="utf-8") as f:
        f.write("\n\n".join(head + body) + "\n")


def typeset(args, tex):
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "t.tex"), "w", encoding="utf-8") as f:
            f.write("\n".join(tex) + "\n")
        subprocess.run(["pdflatex", "-interaction=nonstopmode", "t.tex"], cwd=d,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not os.path.exists(os.path.join(d, "t.pdf")):
            sys.exit("layout-latex: pdflatex failed on %s" % args.clean)
        shutil.copyfile(os.path.join(d, "t.pdf"), args.out + ".pdf")
    mc.extract_pdf(args.out)


def main():
    args = mc.layout_args()
    for tool in ("pdflatex", "pdf2txt"):
        if not shutil.which(tool):
            sys.exit("layout-latex: %s missing" % tool)
    blocks = mc.blocks_of(open(args.clean, encoding="utf-8").read())
    if args.word:
        return word(args, blocks)
    title, body = blocks[0], mc.prose_body(blocks) if args.prose else blocks[1:]
    rnd = random.Random(args.seed * 7919 + len(blocks))
    parskip = rnd.choice(["6pt", "4pt", "0pt", "6pt"]) if not args.prose else "6pt"
    tex = [r"\documentclass[%s,twocolumn,a4paper]{article}" % rnd.choice(["10pt", "11pt", "12pt"]),
           r"\usepackage[T1]{fontenc}", r"\usepackage[utf8]{inputenc}",
           r"\usepackage{%s}" % rnd.choice(["charter", "mathptmx", "mathpazo", "lmodern"]),
           r"\usepackage[margin=%s]{geometry}" % rnd.choice(["1.8cm", "2.2cm", "2.5cm"]),
           r"\setlength{\columnsep}{%s}" % rnd.choice(["0.7cm", "0.8cm", "1cm"]),
           r"\setlength{\parskip}{%s}" % parskip,
           r"\setlength{\parindent}{%s}" % ("0pt" if parskip != "0pt" else "1em"),
           r"\renewcommand{\baselinestretch}{%s}" % rnd.choice(["1.4", "1.5", "1.6"]),
           r"\usepackage{fancyhdr}"]
    header = args.prose or rnd.random() < 0.7
    if header:
        tex += [r"\pagestyle{fancy}", r"\fancyhf{}", r"\lhead{%s}" % esc(" ".join(title.split()[:3])),
                r"\rhead{Report}", r"\rfoot{Page \thepage}", r"\renewcommand{\headrulewidth}{0pt}"]
    author, date = ("Analysis Desk", "March 2024") if args.prose else ("", "")
    tex += [r"\title{%s}" % esc(title), r"\author{%s}" % author, r"\date{%s}" % date,
            r"\begin{document}", r"\maketitle"]
    if header:
        tex.append(r"\thispagestyle{fancy}")
    for b in body:
        tex.append(r"\section*{%s}" % esc(b) if mc.is_heading(b) else esc(b) + "\n")
    tex.append(r"\end{document}")
    typeset(args, tex)
    gold = [title] + ([author, date] if args.prose else []) + body
    with open(args.out + ".gold", "w", encoding="utf-8") as f:
        f.write("\n\n".join(gold) + "\n")


if __name__ == "__main__":
    main()
