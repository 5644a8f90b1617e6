//! `fmt`: idempotent, comments kept (and a comment that ends a clause's line stays on that
//! clause's line), strings byte-identical, and meaning-preserving — parse(fmt(x)) equals parse(x)
//! up to spans, and the formatted rules check and assess alike — over every `.tc` in the
//! repository and over generated rules.

use std::path::{Path, PathBuf};
use tieuchi::ast::EraseSpans;
use tieuchi::fmt::format_source;

fn all_tc(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir()
            && !p.ends_with("target")
            && !p.ends_with("node_modules")
            && !p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            all_tc(&p, out);
        } else if p.extension().is_some_and(|x| x == "tc") {
            out.push(p);
        }
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn meaning(text: &str) -> Option<tieuchi::ast::RulesFile> {
    let mut ast = tieuchi::syntax::parse(text, 0).ok()?;
    ast.erase_spans();
    Some(ast)
}

/// Tokens of a rules text, scanned independently of the library: string literals as written
/// (quotes and escapes included) and comments (trimmed), each in file order.
fn tokens(text: &str) -> (Vec<String>, Vec<String>) {
    let (mut strings, mut comments) = (Vec::new(), Vec::new());
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '"' {
            let mut end = text.len();
            while let Some((j, d)) = chars.next() {
                if d == '\\' {
                    chars.next();
                } else if d == '"' {
                    end = j + 1;
                    break;
                }
            }
            strings.push(text[i..end].to_string());
        } else if c == '/' && text[i + 1..].starts_with('/') {
            let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
            comments.push(text[i..end].trim_end().to_string());
            while chars.peek().is_some_and(|(j, _)| *j < end) {
                chars.next();
            }
        }
    }
    (strings, comments)
}

/// Checks the properties for one text; returns the formatted text, or `None` when it does not
/// parse.
fn check_properties(name: &str, text: &str) -> Option<String> {
    let before = meaning(text)?;
    let once = format_source(text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    let after =
        meaning(&once).unwrap_or_else(|| panic!("{name}: formatted text does not parse:\n{once}"));
    assert_eq!(
        before, after,
        "{name}: formatting changed the meaning:\n{once}"
    );
    let twice = format_source(&once).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    assert_eq!(once, twice, "{name}: not idempotent:\n{text}");
    let ((strings, mut comments), (strings_after, mut comments_after)) =
        (tokens(text), tokens(&once));
    assert_eq!(strings, strings_after, "{name}: a string changed:\n{once}");
    comments.sort();
    comments_after.sort();
    assert_eq!(comments, comments_after, "{name}: comments lost:\n{once}");
    Some(once)
}

#[test]
fn every_rules_file_in_the_repository() {
    let mut files = Vec::new();
    all_tc(Path::new(env!("CARGO_MANIFEST_DIR")), &mut files);
    for expected in [
        "rules/quang-binh-2024.tc",
        "rules/quang-binh-2025-draft.tc",
        "rules/ma-tuy-qd28-2025.tc",
        "tests/spec/basic/basic.tc",
        "tests/spec/drugs/drugs.tc",
    ] {
        assert!(
            files.iter().any(|f| f.ends_with(expected)),
            "{expected} is missing"
        );
    }
    let mut parsed = 0;
    for f in &files {
        parsed += usize::from(check_properties(&f.display().to_string(), &read(f)).is_some());
    }
    assert!(
        parsed >= 20,
        "only {parsed} of {} files parsed",
        files.len()
    );
}

#[test]
fn shipped_rules_are_formatted() {
    for f in [
        "rules/quang-binh-2024.tc",
        "rules/quang-binh-2025-draft.tc",
        "rules/ma-tuy-qd28-2025.tc",
    ] {
        let text = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join(f));
        assert!(text.contains("ruleset"), "{f} is not a rules file");
        assert_eq!(
            format_source(&text).ok().as_deref(),
            Some(text.as_str()),
            "{f} is not formatted: run `tieuchi fmt {f}`"
        );
    }
}

/// Deterministic generator of random rules files with odd spacing, parentheses, comments and
/// labels with escapes and line breaks.
struct Gen(u64);

const LABELS: [&str; 6] = [
    "\"K\"",
    "\"say \\\"x\\\" // not a comment\"",
    "\"a\\\\\"",
    "\"dòng một\n    dòng hai\"",
    "\"\\\\\\\"\"",
    "\"\n\"",
];

impl Gen {
    fn next(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.next(from.len() as u64) as usize]
    }

    fn space(&mut self) -> &'static str {
        self.pick(&[" ", "  ", "\n    ", " // chú thích\n  ", "\t"])
    }

    /// A label, followed by a comment after its closing quote when `tag` is given.
    fn label(&mut self, tag: Option<&str>) -> String {
        let label = self.pick(&LABELS);
        match tag {
            Some(tag) => format!("{label} // {tag} \"after\" the quote\n  "),
            None => label.to_string(),
        }
    }

    /// A comment for a clause's head: after the label or at the end of the head's line.
    fn head(&mut self, tag: &str) -> (String, String) {
        match self.next(3) {
            0 => (self.label(Some(tag)), " ".into()),
            _ => (self.label(None), self.end(tag)),
        }
    }

    /// A plain number (units agree: a percent or a ratio only ever times a plain number).
    fn num(&mut self, depth: u32) -> String {
        let s = self.space();
        match (depth, self.next(9)) {
            (0, _) | (_, 0) => self
                .pick(&["a@p", "b", "12", "0.5", "(b * 12.50%)", "x"])
                .to_string(),
            (_, 1) => format!("({}{s})", self.num(depth - 1)),
            (_, 2) => format!(
                "ratio({},{s}{}) * 12",
                self.num(depth - 1),
                self.num(depth - 1)
            ),
            (_, 3) => format!("-{}", self.num(depth - 1)),
            (_, 4) => format!(
                "max({}, {}, {})",
                self.num(depth - 1),
                self.num(depth - 1),
                self.num(0)
            ),
            (_, 5) => format!("{}{s}*{s}{}", self.num(depth - 1), self.num(depth - 1)),
            (_, 6) => format!("{} / {}", self.num(depth - 1), self.num(depth - 1)),
            (_, 7) => format!("{} -{s}{}", self.num(depth - 1), self.num(depth - 1)),
            _ => format!("{}{s}+ {}", self.num(depth - 1), self.num(depth - 1)),
        }
    }

    fn cond(&mut self, depth: u32) -> String {
        let s = self.space();
        let op = self.pick(&["<", "<=", ">", ">=", "==", "!="]);
        match (depth, self.next(6)) {
            (0, _) | (_, 0) => format!("{}{s}{op} {}", self.num(2), self.num(1)),
            (_, 1) => format!("not{s}({})", self.cond(depth - 1)),
            (_, 2) => format!("{} and{s}{}", self.cond(depth - 1), self.cond(depth - 1)),
            (_, 3) => format!("({} or {})", self.cond(depth - 1), self.cond(depth - 1)),
            (_, 4) => format!(
                "at_least(2, {}, {},{s}{})",
                self.cond(0),
                self.cond(0),
                self.cond(depth - 1)
            ),
            _ => format!("known({}) ?? false", self.num(1)),
        }
    }

    /// A comment tagged `tag` ending the current line, or a plain line break / a space.
    fn end(&mut self, tag: &str) -> String {
        match self.next(3) {
            0 => format!(" // {tag}\n  "),
            1 => "\n  ".to_string(),
            _ => " ".to_string(),
        }
    }

    fn rules(&mut self) -> String {
        let mut r = String::from("// đầu tệp\nruleset g \"Sinh ngẫu nhiên\"\nperiod p \"Kỳ\" from 2024-01-01 to 2024-12-31\n\n\n");
        r.push_str("input a \"A\": count per period   // cuối dòng\n");
        let b = if self.next(2) == 0 { Some("@b") } else { None };
        r.push_str(&format!("input b {}: number\n", self.label(b)));
        r.push_str("input c \"C\": choice(u \"U\", v)\nparam t \"T\" = 12.5%\n");
        r.push_str(&format!("let x ={}{}\n", self.end("@x"), self.num(3)));
        let (label, end) = self.head("@s");
        r.push_str(&format!(
            "assessment s {label}when c == u{end}{{\n  // trước tiêu chí\n"
        ));
        for i in 0..4 {
            let kind = self.pick(&["required", "points 10", "", "required when b > 1"]);
            let (label, end) = self.head(&format!("@K{i}"));
            r.push_str(&format!(
                "  criterion K{i} {label} {kind}{end}{{{}{}{}a@p >= 1{i}{}}}{}\n",
                self.space(),
                self.cond(2),
                self.pick(&[" and ", " or "]),
                self.end(&format!("@1{i}")),
                self.end("@}")
            ));
        }
        r.push_str("  outcome d \"D\" when all_required and points >= 10 // @d\n  outcome e \"E\" otherwise\n  // cuối khối\n}\n");
        let (label, end) = self.head("@T");
        r.push_str(&format!(
            "target T {label}{{{end}share(s == d among {}) >= 50%{}}}\n",
            self.cond(1),
            self.end("@share(")
        ));
        r.push_str("test \"t // \\\"x\\\"\" {\n  given { a@p = 3  b = 2.5  c = u }  // giá trị\n  set t = 10%\n  expect s.K0 == pass // @expect s.K0\n}\n");
        r
    }
}

/// `text` with the line breaks inside strings shown as `⏎`: one line per line of code.
fn logical_lines(text: &str) -> String {
    let (mut out, mut in_string, mut in_comment, mut escaped) =
        (String::new(), false, false, false);
    for c in text.chars() {
        match c {
            '\n' if in_string => out.push('⏎'),
            _ => out.push(c),
        }
        if in_comment {
            in_comment = c != '\n';
        } else if in_string {
            in_string = escaped || c != '"';
            escaped = !escaped && c == '\\';
        } else if c == '"' {
            in_string = true;
        } else if c == '/' && out.ends_with("//") {
            in_comment = true;
        }
    }
    out
}

/// Every comment tagged `// @ANCHOR …` in `text` ends a line whose code contains `ANCHOR`.
fn tagged_comments_stay_on_their_clause(name: &str, text: &str, out: &str) {
    let (_, comments) = tokens(text);
    let lines = logical_lines(out);
    for c in comments.iter().filter(|c| c.starts_with("// @")) {
        let anchor = c[4..].split(' ').next().unwrap_or_default();
        let line = lines
            .lines()
            .find(|l| l.trim_end().ends_with(c.as_str()))
            .unwrap_or_else(|| panic!("{name}: `{c}` does not end a line:\n{out}"));
        let code = &line[..line.len() - c.len()];
        assert!(
            code.contains(anchor),
            "{name}: `{c}` left the line of `{anchor}`:\n{out}"
        );
    }
}

/// Data for the generated rules: three areas, one with missing values.
const DATA: &str = r#"{ "areas": [
  { "id": "x1", "values": { "a@p": 13, "b": 2.5, "c": "u" } },
  { "id": "x2", "values": { "a@p": 9, "b": 0.5, "c": "u" } },
  { "id": "x3", "values": { "c": "v" } } ] }"#;

#[test]
fn generated_rules_keep_their_meaning() {
    let mut g = Gen(0x2545_f491_4f6c_dd1d);
    let mut assessed = 0;
    for i in 0..100 {
        let name = format!("generated #{i}");
        let text = g.rules();
        let once = check_properties(&name, &text)
            .unwrap_or_else(|| panic!("{name} does not parse:\n{text}"));
        tagged_comments_stay_on_their_clause(&name, &text, &once);
        let json = |rules: &str| {
            tieuchi::assess_text(rules, DATA, tieuchi::DataFormat::Json, &[])
                .map(|o| {
                    let mut doc = o.to_json(false);
                    // The hash of the rules text is the one thing formatting must change.
                    doc["ruleset"]["sha256"] = serde_json::Value::Null;
                    doc
                })
                .ok()
        };
        // Checking (`None`: errors) and results are the same before and after.
        let (before, after) = (json(&text), json(&once));
        assert!(
            before == after,
            "{name}: results differ:\n{text}\n---\n{once}"
        );
        assessed += usize::from(before.is_some());
    }
    eprintln!("{assessed} of 100 generated files checked and assessed");
    assert!(assessed >= 30, "only {assessed} generated files assessed");
}

#[test]
fn label_with_a_line_break_and_a_comment_after_the_quote() {
    let text = "ruleset x \"X\"\ninput n \"Nhãn\n   dòng hai\" : count // sau nhãn\nassessment a \"A\" {\n  criterion C1 \"nhãn\ndài\"   { n > 1 } // c1\n  outcome o \"O\" when C1\n  outcome p \"P\" otherwise\n}\n";
    let once = format_source(text).unwrap_or_default();
    assert_eq!(
        once,
        "ruleset x \"X\"\ninput n \"Nhãn\n   dòng hai\": count  // sau nhãn\nassessment a \"A\" {\n  criterion C1 \"nhãn\ndài\" { n > 1 }  // c1\n  outcome o \"O\" when C1\n  outcome p \"P\" otherwise\n}\n"
    );
    assert_eq!(format_source(&once).ok(), Some(once));
}

#[test]
fn check_flag_reports_unformatted_files_without_changing_them() {
    let dir = std::env::temp_dir().join(format!("tieuchi-fmt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok();
    let file = dir.join("x.tc");
    let text = "ruleset x   \"X\"\ninput n \"N\":count // c\n";
    std::fs::write(&file, text).ok();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_tieuchi"))
            .env("TIEUCHI_LANG", "en")
            .args(args)
            .arg(&file)
            .output()
            .map(|o| o.status.code())
            .ok()
            .flatten()
    };
    assert_eq!(run(&["fmt", "--check"]), Some(1));
    assert_eq!(std::fs::read_to_string(&file).unwrap_or_default(), text);
    assert_eq!(run(&["fmt"]), Some(0));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap_or_default(),
        "ruleset x \"X\"\ninput n \"N\": count  // c\n"
    );
    assert_eq!(run(&["fmt", "--check"]), Some(0));
}
