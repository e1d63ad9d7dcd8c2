//! report-analyzer: reads a pasted Chinese report and says what is in it — structure,
//! the function of every sentence, genre and topics, keywords and key figures.
//!
//! The core (everything but `wasm`) is pure Rust and knows nothing of the browser; the
//! `wasm` module is a thin facade for JavaScript and `src/main.rs` a thin CLI.

pub mod analyze;
pub mod classify;
pub mod contract;
pub mod document;
pub mod docx;
pub mod export;
pub mod figures;
pub mod keywords;
pub mod segment;
pub mod sentences;
pub mod structure;
pub mod text;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analyze::{analyze, segment_tokens, AnalyzeError, Options};
pub use contract::Analysis;

pub const VERSION: &str = env!("CARGO_PKG_VERSION");
