//! The JavaScript facade: the core's functions with the contract's structs crossing as plain
//! objects (serde-wasm-bindgen), failures as real `Error`s, offsets in UTF-16 code units.

use crate::analyze::{self, Options};
use js_sys::JsString;
use wasm_bindgen::JsCast;
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The message of the last panic, kept so the caller can report it after the trap.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info.to_string();
        let _ = LAST_PANIC.try_with(|p| p.try_borrow_mut().map(|mut p| *p = Some(msg.clone())));
        web_log(&format!("report-analyzer panicked: {msg}"));
    }));
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn web_log(s: &str);
}

/// The value as a plain JS object. It crosses as one JSON string that `JSON.parse` turns into
/// objects: several times faster than building each object through the boundary.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value).map_err(|e| JsError::new(&format!("cannot convert the result: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("cannot convert the result: invalid JSON"))
}

/// Milliseconds from the host's monotonic clock (`performance.now()`, in a window or a
/// worker), else `Date.now()`.
fn now_ms() -> f64 {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &JsValue::from_str("performance"))
        .ok()
        .filter(|p| !p.is_undefined())
        .and_then(|p| {
            let now = js_sys::Reflect::get(&p, &JsValue::from_str("now")).ok()?;
            now.dyn_ref::<js_sys::Function>()?.call0(&p).ok()?.as_f64()
        })
        .unwrap_or_else(js_sys::Date::now)
}

/// A JS string as Rust text. Lone surrogates (which UTF-8 cannot hold) become U+FFFD —
/// one code unit for one, so every offset still matches the caller's string.
fn text_of(s: &JsString) -> (String, usize) {
    if s.is_valid_utf16() {
        return (String::from(s), 0);
    }
    let units: Vec<u16> = s.iter().collect();
    let fixed = String::from_utf16_lossy(&units);
    let lone = fixed.chars().filter(|&c| c == '\u{FFFD}').count()
        - char::decode_utf16(units.iter().copied()).filter(|c| matches!(c, Ok('\u{FFFD}'))).count();
    (fixed, lone)
}

fn options_of(options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("invalid options: {e}")))
}

/// The argument as a JS string, or a clear error (not a trap) for anything else.
fn string_arg(value: &JsValue, function: &str) -> Result<JsString, JsError> {
    value
        .dyn_ref::<JsString>()
        .cloned()
        .ok_or_else(|| JsError::new(&format!("{function}() takes the text as a string")))
}

/// Analyses `text`; returns the result contract as a plain object.
/// `options`: `{ user_words?, stop_words?, keyword_limit?, max_chars? }`.
#[wasm_bindgen]
pub fn analyze(text: &JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let text = string_arg(text, "analyze")?;
    let options = options_of(options)?;
    // Refuse an oversized text before copying it into wasm memory, which never shrinks.
    let length = text.length() as usize;
    if length > options.max_chars {
        return Err(JsError::new(&analyze::AnalyzeError::TooLarge { chars: length, limit: options.max_chars }.to_string()));
    }
    let (text, lone) = text_of(&text);
    reserve_working_memory(text.len());
    let mut result = analyze::analyze(&text, &options, &now_ms).map_err(|e| JsError::new(&e.to_string()))?;
    if lone > 0 {
        result.warnings.insert(0, format!("{lone} lone surrogate code units were replaced by U+FFFD"));
    }
    analysis_to_js(result)
}

/// Grows the heap for a big analysis in one step. The allocator otherwise grows wasm memory
/// a page run at a time, and each grow of a large memory costs the engine a new buffer and
/// garbage collection (measured: 2.3 s of 7 s on a 10 MB text); a block allocated and freed
/// at once stays in the allocator's free list for the analysis to reuse.
fn reserve_working_memory(text_bytes: usize) {
    // About what the analysis holds at its peak, per byte of text (see `make bench`).
    const PEAK_PER_BYTE: usize = 14;
    let block: Vec<u8> = Vec::with_capacity(text_bytes.saturating_mul(PEAK_PER_BYTE));
    std::hint::black_box(&block);
}

/// The analysis as a plain JS object, converted one document at a time, each freed once
/// converted: the JSON of the whole result never sits in memory beside the result.
fn analysis_to_js(mut analysis: crate::Analysis) -> Result<JsValue, JsError> {
    let documents = std::mem::take(&mut analysis.documents);
    let object = to_js(&analysis)?;
    drop(analysis);
    let list: js_sys::Array = js_sys::Reflect::get(&object, &JsValue::from_str("documents"))
        .ok()
        .and_then(|v| v.dyn_into().ok())
        .ok_or_else(|| JsError::new("cannot convert the result: no document list"))?;
    for document in documents {
        list.push(&to_js(&document)?);
    }
    Ok(object)
}

/// Words of `text` with part-of-speech tags and UTF-16 offsets: `[{word, start, end, tag}]`.
#[wasm_bindgen]
pub fn segment(text: &JsValue, user_words: Option<Vec<String>>) -> Result<JsValue, JsError> {
    let (text, _) = text_of(&string_arg(text, "segment")?);
    to_js(&analyze::segment_tokens(&text, &user_words.unwrap_or_default()))
}

/// Keyword in context: every occurrence of `term` with `context` characters either side.
/// `doc_starts` (UTF-16 starts of the documents, ascending) tags each row with its document.
#[wasm_bindgen]
pub fn kwic(text: &JsValue, term: &str, context: Option<u32>, doc_starts: Option<Vec<f64>>) -> Result<JsValue, JsError> {
    let (text, _) = text_of(&string_arg(text, "kwic")?);
    let starts: Vec<u64> = doc_starts.unwrap_or_default().into_iter().map(|x| x.max(0.0) as u64).collect();
    let starts = if starts.is_empty() { vec![0] } else { starts };
    to_js(&crate::keywords::occurrences(&text, term, &starts, context.unwrap_or(20) as usize))
}

/// Builds the dictionary and models now, so the first analysis is fast (call once after init).
#[wasm_bindgen]
pub fn warm_up() {
    // Touches every lazily built table: dictionary, model, cue and noise tables, figures,
    // dates, people and organisations.
    const WARM_UP: &str = "首页 > 工作总结\n关于2024年安全生产工作的总结\n一、总体情况\n3月5日上午，县委常委、副县长张明主持召开会议，县应急管理局等单位参加。\n全年共检查企业120余家，整改隐患98.5%，投入资金30万元。\n会议强调，一要压实责任；二要排查隐患。\n某某县安全生产委员会\n2024年12月20日\n本文地址：http://example.com/a.html";
    let _ = analyze::analyze(WARM_UP, &Options::default(), &now_ms);
}

#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// The message of the last panic inside the module, if any (a panic reaches JS as a
/// `RuntimeError: unreachable`; this says what happened).
#[wasm_bindgen]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.with(|p| p.borrow().clone())
}

/// For tests: panics inside the module, to prove that the next call still works.
#[wasm_bindgen]
pub fn selftest_panic() {
    panic!("deliberate panic (selftest)");
}

/// The text of a .docx file (its bytes, e.g. from `File.arrayBuffer()`): paragraphs one per
/// line, table rows one per line with cells joined by tabs. Throws an `Error` that says why
/// when the file is not a readable .docx.
#[wasm_bindgen]
pub fn docx_to_text(bytes: &[u8]) -> Result<String, JsError> {
    crate::docx::to_text(bytes).map_err(|e| JsError::new(&e.to_string()))
}
