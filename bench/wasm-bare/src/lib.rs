//! Bare jieba-rs segmentation in wasm: the words are counted inside the module, nothing but a
//! number crosses to JavaScript. The dictionary is report-analyzer's own word table.
use jieba_rs::Jieba;
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;

const DICT: &str = include_str!("../../../data/jieba-dict.txt");

thread_local! {
    static JIEBA: OnceCell<Jieba> = const { OnceCell::new() };
}

fn with_jieba<R>(f: impl FnOnce(&Jieba) -> R) -> R {
    JIEBA.with(|j| {
        f(j.get_or_init(|| {
            let mut jieba = Jieba::empty();
            jieba.load_dict(&mut DICT.as_bytes()).expect("dictionary");
            jieba
        }))
    })
}

/// Builds the dictionary (call once before timing).
#[wasm_bindgen]
pub fn init() {
    with_jieba(|_| ());
}

/// Words in `text` by `cut` (HMM on, as report-analyzer segments).
#[wasm_bindgen]
pub fn count_words(text: &str) -> u32 {
    with_jieba(|j| j.cut(text, true).len() as u32)
}

/// Words in `text` by `tag` (HMM on): what report-analyzer's segmenter calls.
#[wasm_bindgen]
pub fn count_tagged(text: &str) -> u32 {
    with_jieba(|j| j.tag(text, true).len() as u32)
}
