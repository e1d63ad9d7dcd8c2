//! The .docx reader: the text of a Word document's body (`word/document.xml`), one line per
//! paragraph and per table row, ready for `analyze`. Headers, footers, footnotes and comments
//! live in other parts and are not read.
//!
//! The bytes come from the reader's own disk but may still be anything, so the work is
//! bounded: the archive's entry count, the declared size of the body and the bytes actually
//! inflated (a zip bomb may lie in its headers) all have limits, and every failure is an
//! error with a message meant for the reader, never a panic.

use quick_xml::events::{BytesRef, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;
use std::io::{Cursor, Read};

/// The body part of a WordprocessingML package.
const BODY_PART: &str = "word/document.xml";
/// Largest body accepted, inflated. A 300-page report is a few MB of XML.
pub const MAX_BODY_BYTES: u64 = 64 * 1024 * 1024;
/// Most entries an archive may have. Word writes a dozen or two.
pub const MAX_ENTRIES: usize = 10_000;

const WORD_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const WORD_STRICT_NS: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const MARKUP_COMPAT_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
/// An OLE compound file: Word 97–2003 `.doc`, or a password-protected `.docx`.
const COMPOUND_FILE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

#[derive(Debug, Clone, PartialEq)]
pub enum DocxError {
    NotZip(String),
    LegacyDoc,
    Encrypted,
    TooManyEntries { entries: usize, limit: usize },
    NoBody,
    BodyTooLarge { limit: u64 },
    Unsupported(String),
    Corrupt(String),
    BadXml(String),
}

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mb = |b: u64| b / (1024 * 1024);
        match self {
            DocxError::NotZip(why) => write!(f, "not a .docx file (not a zip archive: {why})"),
            DocxError::LegacyDoc => {
                write!(f, "this is an old Word 97–2003 .doc file: save it as .docx in Word, then open it here")
            }
            DocxError::Encrypted => {
                write!(f, "the .docx is password-protected (encrypted): remove the password in Word, then open it here")
            }
            DocxError::TooManyEntries { entries, limit } => {
                write!(f, "not a .docx file: the archive has {entries} entries, more than {limit}")
            }
            DocxError::NoBody => write!(f, "not a .docx file: the archive has no {BODY_PART}"),
            DocxError::BodyTooLarge { limit } => {
                write!(f, "the .docx text is too large: {BODY_PART} is over {} MB once unpacked", mb(*limit))
            }
            DocxError::Unsupported(why) => write!(f, "cannot read this .docx: {why}"),
            DocxError::Corrupt(why) => write!(f, "the .docx is damaged: {why}"),
            DocxError::BadXml(why) => write!(f, "the .docx is damaged: {BODY_PART} is not valid XML ({why})"),
        }
    }
}

impl std::error::Error for DocxError {}

/// The text of a .docx file's body: paragraphs in order, one per line (`w:tab` → tab,
/// `w:br` → line break), table rows one per line with cells joined by tabs.
pub fn to_text(bytes: &[u8]) -> Result<String, DocxError> {
    body_to_text(&read_body(bytes)?)
}

/// The inflated bytes of `word/document.xml`, within the limits.
fn read_body(bytes: &[u8]) -> Result<Vec<u8>, DocxError> {
    if bytes.starts_with(&COMPOUND_FILE_MAGIC) {
        // Office writes a password-protected .docx as a compound file holding "EncryptedPackage".
        let marker: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let encrypted = bytes.windows(marker.len()).any(|w| w == marker.as_slice());
        return Err(if encrypted { DocxError::Encrypted } else { DocxError::LegacyDoc });
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| match e {
        zip::result::ZipError::InvalidArchive(why) => DocxError::NotZip(why.into_owned()),
        zip::result::ZipError::Io(e) => DocxError::NotZip(e.to_string()),
        other => DocxError::NotZip(other.to_string()),
    })?;
    if archive.len() > MAX_ENTRIES {
        return Err(DocxError::TooManyEntries { entries: archive.len(), limit: MAX_ENTRIES });
    }
    let index = body_index(&archive).ok_or(DocxError::NoBody)?;
    let entry = archive.by_index_data(index).map_err(|e| DocxError::Corrupt(e.to_string()))?;
    if entry.encrypted() {
        return Err(DocxError::Encrypted);
    }
    if entry.size() > MAX_BODY_BYTES {
        return Err(DocxError::BodyTooLarge { limit: MAX_BODY_BYTES });
    }
    let declared = entry.size();
    let file = archive.by_index(index).map_err(|e| match e {
        zip::result::ZipError::UnsupportedArchive(why) => DocxError::Unsupported(why.to_string()),
        zip::result::ZipError::CompressionMethodNotSupported(m) => {
            DocxError::Unsupported(format!("compression method {m} (only stored and deflate are read)"))
        }
        other => DocxError::Corrupt(other.to_string()),
    })?;
    // The declared size may lie: never inflate more than the limit, whatever the header says.
    let mut body = Vec::with_capacity(declared.min(MAX_BODY_BYTES) as usize);
    file.take(MAX_BODY_BYTES + 1)
        .read_to_end(&mut body)
        .map_err(|e| DocxError::Corrupt(format!("cannot unpack {BODY_PART}: {e}")))?;
    if body.len() as u64 > MAX_BODY_BYTES {
        return Err(DocxError::BodyTooLarge { limit: MAX_BODY_BYTES });
    }
    Ok(body)
}

/// Where the body is: its usual name, else the same name in another letter case (some
/// tools upper-case paths).
fn body_index(archive: &zip::ZipArchive<Cursor<&[u8]>>) -> Option<usize> {
    archive.index_for_name(BODY_PART).or_else(|| {
        archive.file_names_raw().position(|name| name.eq_ignore_ascii_case(BODY_PART.as_bytes()))
    })
}

/// What the walk through the XML is inside of, innermost last.
enum Frame {
    Paragraph(String),
    Table(Vec<String>),
    Row(Vec<String>),
    Cell(Vec<String>),
}

/// Turns the body XML into lines.
struct Walker {
    frames: Vec<Frame>,
    lines: Vec<String>,
    /// Inside `w:t`: its text is the document's text.
    in_text: bool,
    /// Depth of `w:r` elements: tabs and breaks count only inside runs (a `w:tab` in
    /// paragraph properties is a tab stop, not a character).
    run_depth: usize,
    /// Depth inside `mc:Fallback`, which repeats the content of `mc:Choice`.
    fallback_depth: usize,
    saw_body: bool,
}

impl Walker {
    fn paragraph(&mut self) -> Option<&mut String> {
        self.frames.iter_mut().rev().find_map(|f| match f {
            Frame::Paragraph(text) => Some(text),
            _ => None,
        })
    }

    fn push_text(&mut self, s: &str) {
        if self.in_text {
            if let Some(p) = self.paragraph() {
                p.push_str(s);
            }
        }
    }

    fn push_char_in_run(&mut self, c: char) {
        if self.run_depth > 0 {
            if let Some(p) = self.paragraph() {
                p.push(c);
            }
        }
    }

    /// Text that ended inside a table cell goes to the cell; elsewhere it is a line.
    fn deliver(&mut self, text: String) {
        match self.frames.iter_mut().rev().find(|f| matches!(f, Frame::Cell(_))) {
            Some(Frame::Cell(parts)) => parts.push(text),
            _ => self.lines.push(text),
        }
    }

    fn start(&mut self, local: &str) {
        match local {
            "body" => self.saw_body = true,
            "p" => self.frames.push(Frame::Paragraph(String::new())),
            "tbl" => self.frames.push(Frame::Table(Vec::new())),
            "tr" => self.frames.push(Frame::Row(Vec::new())),
            "tc" => self.frames.push(Frame::Cell(Vec::new())),
            "r" => self.run_depth += 1,
            "t" => self.in_text = true,
            _ => {}
        }
    }

    fn empty(&mut self, local: &str) {
        match local {
            "tab" | "ptab" => self.push_char_in_run('\t'),
            "br" | "cr" => self.push_char_in_run('\n'),
            "noBreakHyphen" => self.push_char_in_run('-'),
            // An empty paragraph is a blank line; empty tables, rows and cells add nothing.
            "p" => self.deliver(String::new()),
            _ => {}
        }
    }

    fn end(&mut self, local: &str) {
        match local {
            "p" => {
                if let Some(Frame::Paragraph(text)) = self.pop_if(|f| matches!(f, Frame::Paragraph(_))) {
                    self.deliver(text);
                }
            }
            "tc" => {
                if let Some(Frame::Cell(parts)) = self.pop_if(|f| matches!(f, Frame::Cell(_))) {
                    // A cell stays on its row's line: its own breaks and tabs become spaces.
                    let text = parts.join(" ").replace(['\t', '\n'], " ");
                    if let Some(Frame::Row(cells)) = self.frames.last_mut() {
                        cells.push(text);
                    }
                }
            }
            "tr" => {
                if let Some(Frame::Row(cells)) = self.pop_if(|f| matches!(f, Frame::Row(_))) {
                    if let Some(Frame::Table(rows)) = self.frames.last_mut() {
                        rows.push(cells.join("\t"));
                    }
                }
            }
            "tbl" => {
                if let Some(Frame::Table(rows)) = self.pop_if(|f| matches!(f, Frame::Table(_))) {
                    if self.frames.iter().any(|f| matches!(f, Frame::Cell(_))) {
                        // A table inside a cell: its text joins the cell.
                        self.deliver(rows.join(" ").replace('\t', " "));
                    } else {
                        self.lines.extend(rows);
                    }
                }
            }
            "r" => self.run_depth = self.run_depth.saturating_sub(1),
            "t" => self.in_text = false,
            _ => {}
        }
    }

    /// Pops the innermost frame if it is of the expected kind (the XML reader has already
    /// checked that tags nest, so a mismatch means markup we do not model, left alone).
    fn pop_if(&mut self, expected: impl Fn(&Frame) -> bool) -> Option<Frame> {
        if self.frames.last().is_some_and(expected) {
            self.frames.pop()
        } else {
            None
        }
    }
}

/// The text of a predefined entity or character reference (`&amp;`, `&#x4E2D;`).
fn reference_text(r: &BytesRef) -> Result<char, DocxError> {
    if let Some(c) = r.resolve_char_ref().map_err(|e| DocxError::BadXml(e.to_string()))? {
        return Ok(c);
    }
    match &**r {
        "amp" => Ok('&'),
        "lt" => Ok('<'),
        "gt" => Ok('>'),
        "quot" => Ok('"'),
        "apos" => Ok('\''),
        other => Err(DocxError::BadXml(format!("unknown entity &{other};"))),
    }
}

fn body_to_text(xml: &[u8]) -> Result<String, DocxError> {
    let xml = xml.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(xml);
    let xml = std::str::from_utf8(xml)
        .map_err(|e| DocxError::BadXml(format!("not UTF-8 at byte {}", e.valid_up_to())))?;
    let mut reader = NsReader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut w = Walker {
        frames: Vec::new(),
        lines: Vec::new(),
        in_text: false,
        run_depth: 0,
        fallback_depth: 0,
        saw_body: false,
    };
    let bad = |e: quick_xml::Error, at: u64| DocxError::BadXml(format!("{e} at byte {at}"));
    loop {
        let at = reader.buffer_position();
        let (ns, event) = reader.read_resolved_event().map_err(|e| bad(e, at))?;
        let ns = match ns {
            ResolveResult::Bound(ns) => Some(ns.0),
            _ => None,
        };
        let is_word = matches!(ns, Some(WORD_NS | WORD_STRICT_NS));
        let is_fallback = |local: &str| ns == Some(MARKUP_COMPAT_NS) && local == "Fallback";
        match event {
            Event::Start(e) => {
                let local = e.local_name();
                let local = local.as_ref();
                if w.fallback_depth > 0 || is_fallback(local) {
                    w.fallback_depth += 1;
                } else if is_word {
                    w.start(local);
                }
            }
            Event::Empty(e) => {
                let local = e.local_name();
                if w.fallback_depth == 0 && is_word {
                    w.empty(local.as_ref());
                }
            }
            Event::End(e) => {
                let local = e.local_name();
                if w.fallback_depth > 0 {
                    w.fallback_depth -= 1;
                } else if is_word {
                    w.end(local.as_ref());
                }
            }
            Event::Text(t) if w.fallback_depth == 0 => w.push_text(&t.xml10_content()),
            Event::CData(t) if w.fallback_depth == 0 => w.push_text(&t),
            Event::GeneralRef(r) if w.fallback_depth == 0 => {
                let c = reference_text(&r)?;
                w.push_text(c.encode_utf8(&mut [0; 4]));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !w.saw_body {
        return Err(DocxError::BadXml(format!("{BODY_PART} has no w:body element")));
    }
    Ok(w.lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    fn document(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{WORD_NS}" xmlns:mc="{MARKUP_COMPAT_NS}"><w:body>{body}<w:sectPr><w:headerReference r:id="rId1"/></w:sectPr></w:body></w:document>"#
        )
    }

    fn zip_of(parts: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default().compression_method(method);
        for (name, data) in parts {
            out.start_file(*name, options).unwrap();
            out.write_all(data).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    fn docx(body: &str) -> Vec<u8> {
        let xml = document(body);
        zip_of(
            &[
                ("[Content_Types].xml", b"<Types/>"),
                (BODY_PART, xml.as_bytes()),
                ("word/header1.xml", b"<w:hdr>header text</w:hdr>"),
            ],
            zip::CompressionMethod::Deflated,
        )
    }

    fn para(text: &str) -> String {
        format!("<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
    }

    #[test]
    fn paragraphs_in_order_with_tabs_and_breaks() {
        let body = format!(
            "{}{}<w:p><w:r><w:t>第一</w:t><w:tab/><w:t>第二</w:t><w:br/><w:t>第三</w:t></w:r></w:p><w:p/>{}",
            para("一、总体情况"),
            para("今年以来，我们召开会议3次。"),
            para("二、存在问题 "),
        );
        let text = to_text(&docx(&body)).unwrap();
        assert_eq!(text, "一、总体情况\n今年以来，我们召开会议3次。\n第一\t第二\n第三\n\n二、存在问题 ");
    }

    #[test]
    fn runs_split_mid_word_are_joined_and_entities_decoded() {
        let body = "<w:p><w:r><w:t>创</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>卫 &amp; &lt;检查&gt; &#x4E2D;</w:t></w:r></w:p>";
        assert_eq!(to_text(&docx(body)).unwrap(), "创卫 & <检查> 中");
    }

    #[test]
    fn tables_become_tab_separated_rows() {
        let cell = |t: &str| format!("<w:tc><w:tcPr/>{}</w:tc>", para(t));
        let body = format!(
            "{}<w:tbl><w:tblPr/><w:tr>{}{}</w:tr><w:tr>{}<w:tc>{}{}</w:tc></w:tr></w:tbl>{}",
            para("表前"),
            cell("项目"),
            cell("数量"),
            cell("卫生检查"),
            para("12"),
            para("次"),
            para("表后"),
        );
        assert_eq!(to_text(&docx(&body)).unwrap(), "表前\n项目\t数量\n卫生检查\t12 次\n表后");
    }

    #[test]
    fn a_table_inside_a_cell_stays_in_that_cell() {
        let inner = format!("<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>", para("甲"), para("乙"));
        let body = format!("<w:tbl><w:tr><w:tc>{inner}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>", para("丙"));
        assert_eq!(to_text(&docx(&body)).unwrap(), "甲 乙\t丙");
    }

    #[test]
    fn fallback_content_and_deleted_text_are_not_repeated() {
        let body = "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:t>框内</w:t></mc:Choice>\
                    <mc:Fallback><w:t>框内</w:t></mc:Fallback></mc:AlternateContent></w:r>\
                    <w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>";
        assert_eq!(to_text(&docx(body)).unwrap(), "框内");
    }

    #[test]
    fn any_prefix_bound_to_the_word_namespace_is_read() {
        let xml = format!("<x:document xmlns:x=\"{WORD_NS}\"><x:body><x:p><x:r><x:t>正文</x:t></x:r></x:p></x:body></x:document>");
        let bytes = zip_of(&[(BODY_PART, xml.as_bytes())], zip::CompressionMethod::Stored);
        assert_eq!(to_text(&bytes).unwrap(), "正文");
    }

    #[test]
    fn not_a_zip() {
        let err = to_text("一、总体情况\n正文。".as_bytes()).unwrap_err();
        assert!(matches!(err, DocxError::NotZip(_)), "{err:?}");
        assert!(err.to_string().starts_with("not a .docx file"), "{err}");
        assert!(matches!(to_text(&[]).unwrap_err(), DocxError::NotZip(_)));
    }

    #[test]
    fn zip_without_a_body() {
        let bytes = zip_of(&[("word/styles.xml", b"<w:styles/>")], zip::CompressionMethod::Deflated);
        let err = to_text(&bytes).unwrap_err();
        assert_eq!(err, DocxError::NoBody);
        assert!(err.to_string().contains("word/document.xml"), "{err}");
    }

    #[test]
    fn bad_xml_is_reported() {
        for xml in [
            format!("<w:document xmlns:w=\"{WORD_NS}\"><w:body><w:p></w:body></w:document>"),
            format!("<w:document xmlns:w=\"{WORD_NS}\"><w:body><w:p><w:r><w:t>a &nbsp; b</w:t></w:r></w:p></w:body></w:document>"),
            "<w:document><w:body/>".to_string(),
            "plain text".to_string(),
            String::new(),
        ] {
            let bytes = zip_of(&[(BODY_PART, xml.as_bytes())], zip::CompressionMethod::Deflated);
            let err = to_text(&bytes).unwrap_err();
            assert!(matches!(err, DocxError::BadXml(_)), "{xml}: {err:?}");
        }
        let bytes = zip_of(&[(BODY_PART, b"<w:t>\xFF\xFE</w:t>")], zip::CompressionMethod::Stored);
        assert!(matches!(to_text(&bytes).unwrap_err(), DocxError::BadXml(_)));
    }

    #[test]
    fn password_protected_and_legacy_files_are_named() {
        let mut cfb = COMPOUND_FILE_MAGIC.to_vec();
        cfb.resize(512, 0);
        assert_eq!(to_text(&cfb).unwrap_err(), DocxError::LegacyDoc);
        cfb.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(to_text(&cfb).unwrap_err(), DocxError::Encrypted);
        assert!(to_text(&cfb).unwrap_err().to_string().contains("password"));
    }

    #[test]
    fn zipcrypto_entries_are_refused_as_encrypted() {
        // Set the "encrypted" flag (bit 0) in the local and central headers of a stored entry.
        let mut bytes = docx(&para("保密"));
        for signature in [b"PK\x03\x04", b"PK\x01\x02"] {
            let flag_offset = if signature == b"PK\x03\x04" { 6 } else { 8 };
            let mut at = 0;
            while let Some(p) = bytes[at..].windows(4).position(|w| w == signature) {
                bytes[at + p + flag_offset] |= 1;
                at += p + 4;
            }
        }
        assert_eq!(to_text(&bytes).unwrap_err(), DocxError::Encrypted);
    }

    #[test]
    fn too_many_entries() {
        let names: Vec<String> = (0..=MAX_ENTRIES).map(|i| format!("x/{i}")).collect();
        let parts: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
        let bytes = zip_of(&parts, zip::CompressionMethod::Stored);
        assert!(matches!(to_text(&bytes).unwrap_err(), DocxError::TooManyEntries { .. }));
    }

    /// A body that inflates past the limit while its headers claim a few bytes.
    #[test]
    fn zip_bomb_with_lying_sizes_stops_at_the_limit() {
        let big = vec![b' '; MAX_BODY_BYTES as usize + 1024];
        let mut bytes = zip_of(&[(BODY_PART, &big)], zip::CompressionMethod::Deflated);
        assert!(bytes.len() < 1024 * 1024, "deflate should squeeze spaces: {}", bytes.len());
        // Declared uncompressed size: local header offset 22, central header offset 24.
        for (signature, size_offset) in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)] {
            let p = bytes.windows(4).position(|w| w == signature).unwrap();
            bytes[p + size_offset..p + size_offset + 4].copy_from_slice(&100u32.to_le_bytes());
        }
        let err = to_text(&bytes).unwrap_err();
        assert!(
            matches!(err, DocxError::BodyTooLarge { .. } | DocxError::Corrupt(_)),
            "inflating must stop: {err:?}"
        );
    }

    #[test]
    fn declared_size_over_the_limit_is_refused_before_inflating() {
        let mut bytes = docx(&para("正文"));
        for (signature, size_offset) in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)] {
            let mut at = 0;
            while let Some(p) = bytes[at..].windows(4).position(|w| w == signature) {
                let p = at + p;
                bytes[p + size_offset..p + size_offset + 4].copy_from_slice(&u32::MAX.to_le_bytes());
                at = p + 4;
            }
        }
        assert_eq!(to_text(&bytes).unwrap_err(), DocxError::BodyTooLarge { limit: MAX_BODY_BYTES });
    }
}
