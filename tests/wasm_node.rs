//! The wasm facade, run inside wasm by `wasm-pack test --node`: what JavaScript gets back.
#![cfg(target_arch = "wasm32")]

use js_sys::{JsString, Reflect};
use report_analyzer::wasm;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

const REPORT: &str = "关于2024年第一季度安全生产工作的通报\n一、基本情况\n今年以来，全镇共开展检查56次，排查隐患123处，整改率98.5%。\n二、存在问题\n部分企业主体责任落实不到位。\n某某镇安全生产委员会\n2024年4月2日";

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn analyze_returns_the_contract_as_a_plain_object() {
    let result = wasm::analyze(&JsString::from(REPORT), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&result, "schema_version").as_f64(), Some(1.0));
    let docs = js_sys::Array::from(&get(&result, "documents"));
    assert_eq!(docs.length(), 1);
    let doc = docs.get(0);
    assert_eq!(get(&doc, "genre").as_string().as_deref(), Some("bulletin"));
    let blocks = js_sys::Array::from(&get(&doc, "blocks"));
    let kinds: Vec<String> = blocks.iter().map(|b| get(&b, "kind").as_string().unwrap()).collect();
    assert_eq!(kinds, ["title", "heading", "paragraph", "heading", "paragraph", "signoff", "signoff"]);
    // A plain object, not a class instance: it can be posted out of a worker.
    let proto = js_sys::Object::get_prototype_of(&result);
    assert!(JsValue::from(proto) == get(&js_sys::Object::new().constructor().into(), "prototype"));
}

#[wasm_bindgen_test]
fn offsets_are_utf16_code_units() {
    let text = "😀𠀀\n召开安全生产会议。";
    let result = wasm::analyze(&JsString::from(text), JsValue::UNDEFINED).unwrap();
    let doc = js_sys::Array::from(&get(&result, "documents")).get(0);
    let block = js_sys::Array::from(&get(&doc, "blocks")).get(1);
    // 😀 and 𠀀 are two code units each, plus the line break.
    assert_eq!(get(&block, "start").as_f64(), Some(5.0));
    assert_eq!(get(&result, "stats").is_object(), true);
}

#[wasm_bindgen_test]
fn empty_input_is_a_js_error_with_a_message() {
    let err = wasm::analyze(&JsString::from("  \n "), JsValue::UNDEFINED).unwrap_err();
    let err: JsValue = err.into();
    let msg = get(&err, "message").as_string().unwrap();
    assert!(msg.contains("empty"), "{msg}");
}

#[wasm_bindgen_test]
fn options_are_read_and_bad_options_are_reported() {
    let options = js_sys::JSON::parse(r#"{"user_words":["主体责任落实"]}"#).unwrap();
    let tokens = wasm::segment(&JsString::from("主体责任落实不到位"), Some(vec!["主体责任落实".into()])).unwrap();
    let first = js_sys::Array::from(&tokens).get(0);
    assert_eq!(get(&first, "word").as_string().as_deref(), Some("主体责任落实"));
    assert!(wasm::analyze(&JsString::from(REPORT), options).is_ok());
    let bad = js_sys::JSON::parse(r#"{"keyword_limit":"many"}"#).unwrap();
    assert!(wasm::analyze(&JsString::from(REPORT), bad).is_err());
}
