//! The .docx reader on hostile files. The first byte picks what the rest is: a whole file
//! (exercises the zip layer), or the body XML, packed here into a valid archive so the
//! fuzzer reaches the XML walk instead of stalling on zip checksums.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_analyzer::docx;
use std::io::{Cursor, Write};

fn archive_with_body(xml: &[u8], deflate: bool) -> Vec<u8> {
    let method = if deflate { zip::CompressionMethod::Deflated } else { zip::CompressionMethod::Stored };
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    out.start_file("word/document.xml", options).expect("in-memory zip");
    out.write_all(xml).expect("in-memory zip");
    out.finish().expect("in-memory zip").into_inner()
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    if mode % 3 == 0 {
        let _ = docx::to_text(rest);
        return;
    }
    if let Ok(text) = docx::to_text(&archive_with_body(rest, mode % 3 == 2)) {
        // Every character comes from the XML's text or from a tag at least as long.
        assert!(text.len() <= rest.len(), "{} bytes of text from {} bytes of XML", text.len(), rest.len());
    }
});
