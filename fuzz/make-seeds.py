#!/usr/bin/env python3
"""Writes the fuzz seed corpora (fuzz/corpus/analyze, fuzz/corpus/docx) from the original
snippets in fuzz/seeds/: the snippets as they are, in variants that stress offsets and line
handling, and packed into .docx files. Usage: fuzz/make-seeds.py  (idempotent)."""

import hashlib
import io
import pathlib
import zipfile

FUZZ = pathlib.Path(__file__).resolve().parent
SEEDS = FUZZ / "seeds"
CORPUS = FUZZ / "corpus"
WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def variants(text):
    """The snippet and the same text as pastes mangle it."""
    lines = text.split("\n")
    yield text
    yield text.replace("\n", "\r\n")
    yield text.replace("\n", "\r")
    yield text.replace("\n", "\u2028")
    yield "\ufeff" + "\n\n".join(lines)
    yield "\n".join("\u3000\u3000" + line + " \t" for line in lines)
    yield "\n".join(reversed(lines))
    yield text.replace("。", "😀。").replace("，", "𠀀，")
    yield text.replace("、", "\x00、").replace("（", "\ufffd（")
    yield text[: len(text) // 2]
    yield "\n".join(line * 3 for line in lines)
    # Full-width forms of the ASCII digits and punctuation.
    yield "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def paragraph(line):
    runs = []
    for i, cell in enumerate(line.split("\t")):
        if i:
            runs.append("<w:tab/>")
        half = len(cell) // 2
        # Two runs per piece: Word splits runs mid-word all the time.
        runs.append(f'<w:t xml:space="preserve">{escape(cell[:half])}</w:t></w:r><w:r><w:t>{escape(cell[half:])}</w:t>')
    return f"<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr><w:r>{''.join(runs)}</w:r></w:p>"


def table(rows):
    cells = lambda row: "".join(f"<w:tc><w:tcPr/>{paragraph(c)}</w:tc>" for c in row.split("\t"))
    return "<w:tbl><w:tblPr/>" + "".join(f"<w:tr>{cells(r)}</w:tr>" for r in rows) + "</w:tbl>"


def body_xml(text):
    """Lines with tabs become a table; the others paragraphs; one text box with a fallback."""
    parts, rows = [], []
    for line in text.split("\n"):
        if "\t" in line:
            rows.append(line)
            continue
        if rows:
            parts.append(table(rows))
            rows = []
        parts.append(paragraph(line))
    if rows:
        parts.append(table(rows))
    parts.append(
        f'<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>框</w:t></mc:Choice>'
        f"<mc:Fallback><w:t>框</w:t></mc:Fallback></mc:AlternateContent><w:br/><w:t>&#x4E2D;&amp;</w:t></w:r></w:p>"
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{WORD_NS}" xmlns:mc="{MC_NS}"><w:body>{"".join(parts)}'
        '<w:sectPr><w:headerReference w:type="default"/></w:sectPr></w:body></w:document>'
    ).encode()


def docx(xml, compression):
    out = io.BytesIO()
    parts = [
        ("[Content_Types].xml", '<?xml version="1.0"?><Types/>'),
        ("_rels/.rels", '<?xml version="1.0"?><Relationships/>'),
        ("word/document.xml", xml),
        ("word/header1.xml", "<w:hdr/>"),
    ]
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in parts:
            # A fixed timestamp: the same seeds byte for byte on every run.
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data, compress_type=compression)
    return out.getvalue()


def write(directory, data):
    directory.mkdir(parents=True, exist_ok=True)
    (directory / hashlib.sha1(data).hexdigest()).write_bytes(data)


def main():
    snippets = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for text in snippets:
        for v in variants(text):
            write(CORPUS / "analyze", v.encode("utf-8", "surrogatepass"))
        xml = body_xml(text)
        # The docx target's first byte picks the mode: 0 whole file, 1 stored body, 2 deflated body.
        write(CORPUS / "docx", b"\x00" + docx(xml, zipfile.ZIP_DEFLATED))
        write(CORPUS / "docx", b"\x00" + docx(xml, zipfile.ZIP_STORED))
        write(CORPUS / "docx", b"\x01" + xml)
        write(CORPUS / "docx", b"\x02" + xml)
    write(CORPUS / "analyze", "\n".join(s.split("\n")[0] for s in snippets).encode())
    count = lambda d: len(list((CORPUS / d).iterdir()))
    print(f"seeds: analyze {count('analyze')}, docx {count('docx')}")


if __name__ == "__main__":
    main()
