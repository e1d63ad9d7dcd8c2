//! The wasm facade in a real browser (`wasm-pack test --headless --chrome`): the clock comes
//! from `performance.now()` and lone surrogates from JS strings are handled.
#![cfg(target_arch = "wasm32")]

use js_sys::{JsString, Reflect};
use report_analyzer::wasm;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn analyzes_in_the_browser_with_its_clock() {
    let text = "会议纪要\n3月5日，镇政府召开安全生产工作会议。\n会议强调，一要压实责任，二要排查隐患。";
    let result = wasm::analyze(&JsString::from(text), JsValue::UNDEFINED).unwrap();
    let stats = get(&result, "stats");
    assert!(get(&stats, "elapsed_ms").as_f64().unwrap() >= 0.0);
    let doc = js_sys::Array::from(&get(&result, "documents")).get(0);
    assert_eq!(get(&doc, "genre").as_string().as_deref(), Some("meeting"));
}

#[wasm_bindgen_test]
fn lone_surrogates_are_replaced_and_reported_without_moving_offsets() {
    // "召开\uD800会议。" — a lone high surrogate, one code unit, as JS allows.
    let units: Vec<u16> = "召开".encode_utf16().chain([0xD800]).chain("会议。".encode_utf16()).collect();
    let s = JsString::from_char_code(&units);
    let result = wasm::analyze(&s, JsValue::UNDEFINED).unwrap();
    let warnings = js_sys::Array::from(&get(&result, "warnings"));
    assert!(warnings.iter().any(|w| w.as_string().unwrap().contains("surrogate")));
    let doc = js_sys::Array::from(&get(&result, "documents")).get(0);
    let block = js_sys::Array::from(&get(&doc, "blocks")).get(0);
    assert_eq!(get(&block, "end").as_f64(), Some(units.len() as f64));
}
