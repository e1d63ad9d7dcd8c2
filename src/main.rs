//! The command line: the same `analyze` as the page, printing the contract as JSON.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use clap::{Args, Parser, Subcommand};
    use report_analyzer::{analyze, segment_tokens, Options};
    use std::io::{Read, Write};
    use std::process::ExitCode;
    use std::time::Instant;

    #[derive(Parser)]
    #[command(name = "report-analyzer", version, about = "Analyse Chinese reports: structure, sentence functions, keywords, key figures")]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Print the analysis of FILE (or - for standard input) as JSON (the result contract).
        Analyze {
            /// A UTF-8 text file or a .docx, or - for standard input.
            input: String,
            /// Indent the JSON.
            #[arg(long)]
            pretty: bool,
            /// Accepted for symmetry with the contract's wording; JSON is the default output.
            #[arg(long, conflicts_with = "csv")]
            json: bool,
            /// Print a CSV of the key figures, dates, people and organisations instead.
            #[arg(long)]
            csv: bool,
            #[command(flatten)]
            dict: DictArgs,
        },
        /// Print each input line's words separated by single spaces.
        Segment {
            input: String,
            #[command(flatten)]
            dict: DictArgs,
        },
        /// Keyword in context: every occurrence of TERM with the text around it.
        Kwic {
            term: String,
            input: String,
            /// Characters of context on each side.
            #[arg(long, default_value_t = 20)]
            context: usize,
            /// Print JSON rows instead of aligned text.
            #[arg(long)]
            json: bool,
        },
    }

    #[derive(Args)]
    struct DictArgs {
        /// A word to keep whole (repeatable).
        #[arg(long = "word", value_name = "WORD")]
        words: Vec<String>,
        /// A file of words to keep whole, one per line (jieba format `word [freq] [tag]` accepted).
        #[arg(long = "user-dict", value_name = "FILE")]
        user_dict: Option<String>,
        /// A word to leave out of keywords (repeatable).
        #[arg(long = "stop-word", value_name = "WORD")]
        stop_words: Vec<String>,
        /// Refuse inputs longer than this many UTF-16 code units.
        #[arg(long)]
        max_chars: Option<usize>,
    }

    impl DictArgs {
        fn options(&self) -> Result<Options, String> {
            let mut o = Options { stop_words: self.stop_words.clone(), ..Options::default() };
            o.user_words = self.words.clone();
            if let Some(path) = &self.user_dict {
                let text = read_input(path)?;
                o.user_words.extend(
                    text.lines()
                        .filter_map(|l| l.split_whitespace().next())
                        .filter(|w| !w.starts_with('#'))
                        .map(str::to_string),
                );
            }
            if let Some(m) = self.max_chars {
                o.max_chars = m;
            }
            Ok(o)
        }
    }

    fn read_input(path: &str) -> Result<String, String> {
        let mut bytes = Vec::new();
        let res = if path == "-" {
            std::io::stdin().read_to_end(&mut bytes).map(|_| ())
        } else {
            std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ())
        };
        res.map_err(|e| {
            let what = if path == "-" { "standard input".to_string() } else { path.to_string() };
            match e.kind() {
                std::io::ErrorKind::NotFound => format!("{what}: no such file"),
                std::io::ErrorKind::PermissionDenied => format!("{what}: permission denied"),
                std::io::ErrorKind::IsADirectory => format!("{what}: is a directory"),
                _ => format!("{what}: cannot read: {e}"),
            }
        })?;
        let what = if path == "-" { "standard input" } else { path };
        // A .docx is a zip; an old or password-protected Word file is an OLE compound file.
        if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return report_analyzer::docx::to_text(&bytes).map_err(|e| format!("{what}: {e}"));
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").map(<[u8]>::to_vec).unwrap_or(bytes);
        String::from_utf8(bytes).map_err(|e| {
            format!(
                "{}: not UTF-8 text: invalid byte sequence at byte offset {}",
                if path == "-" { "standard input" } else { path },
                e.utf8_error().valid_up_to()
            )
        })
    }

    fn run(cli: Cli) -> Result<(), String> {
        let started = Instant::now();
        let clock = move || started.elapsed().as_secs_f64() * 1000.0;
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let io = |e: std::io::Error| format!("cannot write output: {e}");
        match cli.command {
            Command::Analyze { input, pretty, json: _, csv, dict } => {
                let text = read_input(&input)?;
                let options = dict.options()?;
                let result = analyze(&text, &options, &clock).map_err(|e| e.to_string())?;
                if csv {
                    out.write_all(report_analyzer::export::figures_csv(&result).as_bytes()).map_err(io)?;
                } else if pretty {
                    serde_json::to_writer_pretty(&mut out, &result).map_err(|e| e.to_string())?;
                    writeln!(out).map_err(io)?;
                } else {
                    serde_json::to_writer(&mut out, &result).map_err(|e| e.to_string())?;
                    writeln!(out).map_err(io)?;
                }
            }
            Command::Segment { input, dict } => {
                let text = read_input(&input)?;
                let options = dict.options()?;
                for line in text.lines() {
                    let words: Vec<String> = segment_tokens(line, &options.user_words)
                        .into_iter()
                        .map(|t| t.word)
                        .filter(|w| !w.trim().is_empty())
                        .collect();
                    writeln!(out, "{}", words.join(" ")).map_err(io)?;
                }
            }
            Command::Kwic { term, input, context, json } => {
                let text = read_input(&input)?;
                let rows = report_analyzer::keywords::occurrences(&text, &term, &[0], context);
                if json {
                    serde_json::to_writer(&mut out, &rows).map_err(|e| e.to_string())?;
                    writeln!(out).map_err(io)?;
                } else {
                    for r in rows {
                        writeln!(out, "{:>8}  {:>w$} [{}] {}", r.start, r.before, r.matched, r.after, w = context)
                            .map_err(io)?;
                    }
                }
            }
        }
        out.flush().map_err(io)
    }

    pub fn main() -> ExitCode {
        let cli = Cli::parse();
        match run(cli) {
            Ok(()) => ExitCode::SUCCESS,
            Err(msg) => {
                eprintln!("report-analyzer: {msg}");
                ExitCode::FAILURE
            }
        }
    }
}
