//! Any bytes, decoded as the page decodes a file (lossily), must analyse without a panic into
//! a result that keeps the contract's invariants — or be refused as empty.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_analyzer::{analyze, AnalyzeError, Options};

#[path = "../invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match analyze(&text, &Options::default(), &|| 0.0) {
        Ok(analysis) => {
            if let Err(broken) = invariants::check(&text, &analysis) {
                panic!("invariant broken: {broken}");
            }
        }
        Err(AnalyzeError::Empty) => assert!(text.trim().is_empty(), "non-blank text refused as empty"),
        Err(other) => panic!("unexpected refusal: {other}"),
    }
});
