//! Flat exports of an analysis (CSV), shared by the CLI; the page builds its own from the
//! same contract fields.

use crate::contract::Analysis;

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One row per figure, date, person and organisation: document, type, text, value, unit,
/// detail, start, end (UTF-16 offsets).
pub fn figures_csv(a: &Analysis) -> String {
    let mut out = String::from("document,type,text,value,unit,detail,start,end\n");
    for (i, d) in a.documents.iter().enumerate() {
        for f in &d.figures {
            let value = match f.value_max {
                Some(m) => format!("{}-{}", f.value, m),
                None => f.value.to_string(),
            };
            out.push_str(&format!(
                "{i},figure,{},{},{},{},{},{}\n",
                csv_field(&f.text),
                value,
                csv_field(&f.unit),
                csv_field(&f.approx),
                f.start,
                f.end
            ));
        }
        for (kind, list) in [("date", &d.dates), ("person", &d.people), ("organization", &d.organizations)] {
            for e in list {
                out.push_str(&format!(
                    "{i},{kind},{},,,{},{},{}\n",
                    csv_field(&e.text),
                    csv_field(&e.detail),
                    e.start,
                    e.end
                ));
            }
        }
    }
    out
}
