#!/usr/bin/env python3
"""Set clean text in two frames per page with ReportLab and extract it with
pdfminer's pdf2txt: a second real typesetter's layout, read the
column-blind way.

  layout-reportlab.py CLEAN.txt OUT [--seed N] [--prose] [--word [--header 'LEFT|RIGHT']]

Writes OUT.pdf, OUT.txt (the extraction) and OUT.gold (the clean text, or
with --prose the text without headings and notes, under a title block with
an author and a date).  The
seed picks page size, font, size, leading, paragraph spacing, justification
and margins; the title spans both columns on the first page, a page number
stands at the foot; --word sets one word-processor style instead (US
letter, 1 inch margins, 12 pt Liberation Serif on 18 pt, 6 pt after each
paragraph, the title and up to two short lines under it above the columns).
Needs python3-reportlab and pdf2txt (python3-pdfminer); these are not
dependencies of the project, so nothing in `make check` uses this tool.  CLEAN.txt as for make-columns.py."""
import importlib.util
import os
import random
import shutil
import sys
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("mc", os.path.join(HERE, "make-columns.py"))
mc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mc)


def main():
    args = mc.layout_args()
    try:
        from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
        from reportlab.lib.pagesizes import A4, letter
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph
    except ImportError:
        sys.exit("layout-reportlab: python3-reportlab missing")
    if not shutil.which("pdf2txt"):
        sys.exit("layout-reportlab: pdf2txt missing")
    blocks = mc.blocks_of(open(args.clean, encoding="utf-8").read())
    if args.prose:
        blocks = [blocks[0], "Analysis Desk", "March 2024"] + mc.prose_body(blocks)
    rnd = random.Random(args.seed * 31 + len(blocks))
    size = rnd.choice([letter, A4])
    W, H = size
    fs = rnd.choice([10, 11, 12])
    after = rnd.choice([0, 4, 6, 8])
    font = rnd.choice(["Times-Roman", "Helvetica", "Times-Roman"])
    bold = "Times-Bold" if font.startswith("Times") else font + "-Bold"
    margin, gutter = rnd.choice([54, 72]), rnd.choice([14, 18, 24])
    body = ParagraphStyle("b", fontName=font, fontSize=fs, leading=fs * rnd.choice([1.4, 1.5, 1.65]),
                          alignment=TA_JUSTIFY if rnd.random() < 0.8 else TA_LEFT,
                          spaceAfter=after, firstLineIndent=0 if after else fs * 1.5)
    head = ParagraphStyle("h", fontName=bold, fontSize=fs + 2, leading=(fs + 2) * 1.3,
                          spaceBefore=fs, spaceAfter=fs * 0.5)
    title = ParagraphStyle("t", fontName=font, fontSize=fs + 8, leading=(fs + 8) * 1.3,
                           alignment=TA_CENTER, spaceAfter=fs)
    byline = ParagraphStyle("a", fontName=font, fontSize=fs + 1, leading=(fs + 1) * 1.3,
                            alignment=TA_CENTER)
    lead = 3 if args.prose else 1  # blocks above the columns
    if args.word:
        # one word-processor style: US letter, 1 inch margins, 12 pt
        # Liberation Serif on 18 pt, 6 pt after each paragraph
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        lib = "/usr/share/fonts/truetype/liberation2/LiberationSerif-%s.ttf"
        for name, face in (("LS", "Regular"), ("LS-B", "Bold"), ("LS-I", "Italic")):
            if not os.path.exists(lib % face):
                sys.exit("layout-reportlab: fonts-liberation2 missing")
            pdfmetrics.registerFont(TTFont(name, lib % face))
        size = letter
        W, H = size
        font, margin, gutter = "LS", 72, 22
        body = ParagraphStyle("b", fontName="LS", fontSize=12, leading=18, alignment=TA_JUSTIFY,
                              spaceAfter=6)
        title = ParagraphStyle("t", fontName="LS-B", fontSize=16, leading=20,
                               alignment=TA_CENTER, spaceAfter=6)
        byline = ParagraphStyle("a", fontName="LS-I", fontSize=12, leading=15,
                                alignment=TA_CENTER)
        lead = len(mc.title_block(blocks)[0])
    colw, top = (W - 2 * margin - gutter) / 2, 150 if args.prose else 90
    if args.word:
        top = 30 + 18 * lead

    def foot(canvas, doc):
        canvas.setFont("Helvetica" if args.word else font, 9)
        canvas.drawCentredString(W / 2, margin / 2, "%d" % doc.page)
        if args.word and args.header and doc.page > 1:
            left, _, right = args.header.partition("|")
            canvas.setFont("LS-I", 10)
            canvas.drawString(margin, H - margin / 2, left)
            canvas.drawRightString(W - margin, H - margin / 2, right)

    pad = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0} \
        if args.word else {}
    low = 6 if args.word else 0  # the columns reach a little into the foot margin
    first = [Frame(margin, H - margin - top, W - 2 * margin, top, **pad),
             Frame(margin, margin - low, colw, H - 2 * margin - top + low, **pad),
             Frame(margin + colw + gutter, margin - low, colw, H - 2 * margin - top + low, **pad)]
    rest = [Frame(margin, margin - low, colw, H - 2 * margin + low, **pad),
            Frame(margin + colw + gutter, margin - low, colw, H - 2 * margin + low, **pad)]
    doc = BaseDocTemplate(args.out + ".pdf", pagesize=size,
                          pageTemplates=[PageTemplate("first", first, onPage=foot,
                                                      autoNextPageTemplate="rest"),
                                         PageTemplate("rest", rest, onPage=foot)])
    story = [Paragraph(escape(blocks[0]), title)]
    story += [Paragraph(escape(b), byline) for b in blocks[1:lead]]
    story.append(FrameBreak())
    for b in blocks[lead:]:
        story.append(Paragraph(escape(b), head if mc.is_heading(b) else body))
    doc.build(story)
    mc.extract_pdf(args.out)
    if args.prose or args.word:
        with open(args.out + ".gold", "w", encoding="utf-8") as f:
            f.write("\n\n".join(blocks) + "\n")
    else:
        shutil.copyfile(args.clean, args.out + ".gold")


if __name__ == "__main__":
    main()
