// Hand-written types of the report-analyzer wasm facade and its result contract
// (mirrors src/contract.rs and src/wasm.rs; schema_version 1). Offsets are UTF-16 code
// units, half-open: `text.slice(start, end)` in JavaScript.

export type CategoryId = 'overview' | 'measure' | 'result' | 'problem' | 'plan' | 'directive' | 'other';
export type GenreId = 'meeting' | 'summary' | 'plan' | 'bulletin' | 'speech' | 'other';
export type TopicId =
  | 'public_health' | 'party_building' | 'drug_control' | 'work_safety' | 'food_drug'
  | 'urban_management' | 'water' | 'environment' | 'public_security' | 'civil_affairs'
  | 'education' | 'economy' | 'other';
export type BlockKind = 'title' | 'heading' | 'paragraph' | 'signoff' | 'noise';

export interface Analysis {
  schema_version: 1;
  stats: Stats;
  documents: Document[];
  /** Keywords of the whole input. */
  keywords: Keyword[];
  /** Characters (UTF-16 code units of sentence text) per category; all seven present. */
  category_totals: Record<CategoryId, number>;
  /** Keywords of the sentences of each category. */
  category_keywords: Partial<Record<CategoryId, Keyword[]>>;
  /** What was noticed about the input (replaced characters, control characters…). */
  warnings: string[];
}

export interface Stats {
  /** UTF-16 code units of the input. */
  chars: number;
  /** Words from segmentation, punctuation and whitespace excluded. */
  tokens: number;
  documents: number;
  blocks: number;
  /** Time spent in analyze(), milliseconds. */
  elapsed_ms: number;
}

export interface Document {
  /** null where no title was found. */
  title: string | null;
  start: number;
  end: number;
  genre: GenreId;
  /** Best first; scores in [0, 1]. */
  topics: Label<TopicId>[];
  blocks: Block[];
  keywords: Keyword[];
  figures: Figure[];
  /** Cues that decided the genre. */
  genre_cues: Cue[];
  dates: Entity[];
  people: Entity[];
  organizations: Entity[];
}

export interface Label<Id extends string = string> {
  label: Id;
  score: number;
  /** The terms that gave this label its score. */
  cues: Cue[];
}

export interface Block {
  kind: BlockKind;
  /** 1..4 for headings, else 0. */
  level: 0 | 1 | 2 | 3 | 4;
  start: number;
  end: number;
  /** Exactly input.slice(start, end). */
  text: string;
  /** null for noise. */
  category: CategoryId | null;
  confidence: number;
  sentences: Sentence[];
  /** The rule that decided the block's kind, e.g. `heading:一、`, `noise:url`. */
  rule: string;
}

export interface Sentence {
  start: number;
  end: number;
  category: CategoryId;
  confidence: number;
  /** The features that weighed most for the chosen category. */
  cues: Cue[];
}

export interface Cue {
  feature: string;
  weight: number;
}

export interface Keyword {
  term: string;
  count: number;
  /** Ranking weight (TF-IDF blended with TextRank), normalised to [0, 1] in its scope. */
  weight: number;
  tfidf: number;
  textrank: number;
}

export interface Figure {
  text: string;
  value: number;
  unit: string;
  start: number;
  end: number;
  /** Upper bound of a range (75—89分 → value 75, value_max 89); absent otherwise. */
  value_max?: number;
  /** `about` for 余/多/近/约…, `exact` otherwise. */
  approx: 'about' | 'exact' | string;
}

export interface Entity {
  text: string;
  start: number;
  end: number;
  /** Dates: normalised form where known (`2014-07-20`, `20xx`); people: the title. */
  detail: string;
}

/** Keyword in context: one occurrence of a term. */
export interface Occurrence {
  start: number;
  end: number;
  before: string;
  matched: string;
  after: string;
  /** Index of the document that holds it. */
  document: number;
}

export interface Token {
  word: string;
  start: number;
  end: number;
  tag: string;
}

export interface AnalyzeOptions {
  /** Words to keep whole (the user's dictionary). */
  user_words?: string[];
  /** Words to leave out of keyword rankings. */
  stop_words?: string[];
  /** Keywords per scope (default 50). */
  keyword_limit?: number;
  /** Longer inputs are refused with an Error (UTF-16 code units). */
  max_chars?: number;
}

// ---- the wasm module (pkg/report_analyzer.js) ----------------------------------------------

/** Initialises the module (fetches pkg/report_analyzer_bg.wasm unless given a module). */
export default function init(moduleOrPath?: { module_or_path?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module }): Promise<unknown>;
export function initSync(module: { module: BufferSource | WebAssembly.Module }): unknown;

/** Throws Error (empty input, too large, invalid options); a panic surfaces as RuntimeError. */
export function analyze(text: string, options?: AnalyzeOptions | null): Analysis;
export function segment(text: string, userWords?: string[] | null): Token[];
export function kwic(text: string, term: string, context?: number | null, docStarts?: Float64Array | number[] | null): Occurrence[];
/** Builds the dictionary and models now, so the first analysis is fast. */
export function warm_up(): void;
export function version(): string;
/** The message of the last panic inside the module, if any. */
export function last_panic(): string | undefined;
/** For tests: panics inside the module. */
export function selftest_panic(): void;
/** Plain text of a .docx file (present in builds that include the .docx reader). */
export function docx_to_text(bytes: Uint8Array): string;

// ---- the page's worker protocol (worker.js) --------------------------------------------------

export type WorkerRequest =
  | { id: number; op: 'analyze'; text: string; options?: AnalyzeOptions }
  | { id: number; op: 'kwic'; text: string; term: string; context?: number; docStarts?: number[] }
  | { id: number; op: 'docx'; bytes: ArrayBuffer }
  | { id: number; op: 'selftest-panic' };

export type WorkerMessage =
  | { type: 'ready'; version: string; docx: boolean }
  | { type: 'failed'; error: string }
  | { id: number; ok: true; result: unknown; ms: number }
  | { id: number; ok: false; error: string; code: string | null; trapped: boolean; panic?: string | null };
