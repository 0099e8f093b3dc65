#!/usr/bin/env python3
"""Set clean text in two columns with LibreOffice Writer and extract it with
pdfminer's pdf2txt: a word processor's layout, read the column-blind way.

  layout-lo.py CLEAN.txt OUT [--seed N] [--prose] [--word [--header 'LEFT|RIGHT']]

Writes OUT.pdf, OUT.txt (the extraction) and OUT.gold (the reading order).
The title and up to two short lines after it (a subtitle, an author, a
date: no final stop or colon) span the page above a two-column section;
the rest is justified body text (with --prose, headings and notes are left
out).  The seed picks font, size, line spacing, paragraph spacing, indent,
margins, column gap and the page-number footer; --word sets one
word-processor style instead (US letter, 1 inch margins, 12 pt Liberation
Serif, 1.5 line spacing, 6 pt after each paragraph, a page number).  Needs soffice
(libreoffice-writer-nogui) and pdf2txt (python3-pdfminer); neither is a
dependency of the project, so nothing in `make check` uses this tool.
CLEAN.txt as for make-columns.py."""
import importlib.util
import os
import random
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("mc", os.path.join(HERE, "make-columns.py"))
mc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mc)

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text"')


def main():
    args = mc.layout_args()
    for tool in ("soffice", "pdf2txt"):
        if not shutil.which(tool):
            sys.exit("layout-lo: %s missing" % tool)
    blocks = mc.blocks_of(open(args.clean, encoding="utf-8").read())
    if args.prose:
        blocks = blocks[:1] + mc.prose_body(blocks)
    head, body = mc.title_block(blocks)
    rnd = random.Random(args.seed * 7919 + len(blocks))
    font = rnd.choice(["Liberation Serif", "Liberation Serif", "DejaVu Serif", "Liberation Sans"])
    size = rnd.choice([10, 10.5, 11, 11, 12])
    lh = rnd.choice(["115%", "130%", "150%", "150%"])
    after = rnd.choice(["0cm", "0.15cm", "0.21cm", "0.3cm"])
    indent = "0.5cm" if after == "0cm" or rnd.random() < 0.2 else "0cm"
    margin = rnd.choice(["2cm", "2.2cm", "2.5cm"])
    gap = rnd.choice(["0.6cm", "0.8cm", "1cm"])
    footer = rnd.random() < 0.8
    page, tsize, headgap = ("21cm", "29.7cm"), size + 5, "0.1cm"
    if args.word:
        font, size, lh, after, indent = "Liberation Serif", 12, "150%", "0.21cm", "0cm"
        margin, gap, footer, page, tsize = "2.54cm", "0.78cm", True, ("21.59cm", "27.94cm"), 14
        headgap = "0.65cm"
    styles = """
<style:style style:name="Body" style:family="paragraph">
 <style:paragraph-properties fo:text-align="justify" fo:line-height="%s" fo:margin-top="0cm"
  fo:margin-bottom="%s" fo:text-indent="%s"/>
 <style:text-properties style:font-name="%s" fo:font-family="'%s'" fo:font-size="%spt"
  fo:hyphenate="false"/>
</style:style>
<style:style style:name="Title" style:family="paragraph">
 <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.2cm"/>
 <style:text-properties fo:font-family="'%s'" fo:font-size="%spt" fo:font-weight="bold"/>
</style:style>
<style:style style:name="TitleFirst" style:family="paragraph" style:parent-style-name="Title"
 style:master-page-name="First"/>
<style:style style:name="Sub" style:family="paragraph">
 <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.1cm"/>
 <style:text-properties fo:font-family="'%s'" fo:font-size="%spt" fo:font-style="italic"/>
</style:style>
<style:style style:name="SubLast" style:family="paragraph" style:parent-style-name="Sub">
 <style:paragraph-properties fo:margin-bottom="%s"/>
</style:style>
<style:style style:name="Head" style:family="paragraph">
 <style:paragraph-properties><style:tab-stops><style:tab-stop style:position="%s"
  style:type="right"/></style:tab-stops></style:paragraph-properties>
 <style:text-properties fo:font-family="'%s'" fo:font-size="10pt" fo:font-style="italic"/>
</style:style>
<style:style style:name="Foot" style:family="paragraph">
 <style:paragraph-properties fo:text-align="center"/>
 <style:text-properties fo:font-family="'%s'" fo:font-size="9pt"/>
</style:style>""" % (lh, after, indent, font, font, size, font, tsize, font, size, headgap,
                      "16.51cm", font, font)
    auto = """
<style:style style:name="Cols" style:family="section">
 <style:section-properties><style:columns fo:column-count="2" fo:column-gap="%s"/>
 </style:section-properties>
</style:style>
<style:page-layout style:name="pm1">
 <style:page-layout-properties fo:page-width="%s" fo:page-height="%s" fo:margin-top="%s"
  fo:margin-bottom="%s" fo:margin-left="%s" fo:margin-right="%s"/>
 <style:header-style><style:header-footer-properties fo:min-height="0cm"
  fo:margin-bottom="0.3cm"/></style:header-style>
 <style:footer-style><style:header-footer-properties fo:min-height="0.6cm"/></style:footer-style>
</style:page-layout>""" % (gap, page[0], page[1], margin, margin, margin, margin)
    foot = ('<style:footer><text:p text:style-name="Foot"><text:page-number '
            'text:select-page="current">1</text:page-number></text:p></style:footer>'
            if footer else "")
    # a running header from the second page on: the first page has its own
    # master page, without it
    header = args.header if args.word else None
    if header:
        left, _, right = header.partition("|")
        rest = foot + ('<style:header><text:p text:style-name="Head">%s<text:tab/>%s</text:p>'
                       '</style:header>' % (escape(left), escape(right)))
    text = ['<text:p text:style-name="%s">%s</text:p>'
            % ("Title" if i == 0 else "SubLast" if i == len(head) - 1 else "Sub", escape(b))
            for i, b in enumerate(head)]
    if header:
        text[0] = text[0].replace('text:style-name="Title"', 'text:style-name="TitleFirst"', 1)
    text.append('<text:section text:style-name="Cols" text:name="Body">')
    text += ['<text:p text:style-name="Body">%s</text:p>' % escape(b) for b in body]
    text.append("</text:section>")
    doc = """<?xml version="1.0" encoding="UTF-8"?>
<office:document %s>
<office:styles>%s</office:styles>
<office:automatic-styles>%s</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">%s
</style:master-page>%s</office:master-styles>
<office:body><office:text>%s</office:text></office:body>
</office:document>
""" % (NS, styles, auto, rest if header else foot,
       ('<style:master-page style:name="First" style:page-layout-name="pm1" '
        'style:next-style-name="Standard">%s</style:master-page>' % foot) if header else "",
       "\n".join(text))
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "t.fodt")
        with open(src, "w", encoding="utf-8") as f:
            f.write(doc)
        subprocess.run(["soffice", "-env:UserInstallation=file://" + d + "/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", d, src],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not os.path.exists(os.path.join(d, "t.pdf")):
            sys.exit("layout-lo: soffice failed on %s" % args.clean)
        shutil.copyfile(os.path.join(d, "t.pdf"), args.out + ".pdf")
    mc.extract_pdf(args.out)
    with open(args.out + ".gold", "w", encoding="utf-8") as f:
        f.write("\n\n".join(head + body) + "\n")


if __name__ == "__main__":
    main()
