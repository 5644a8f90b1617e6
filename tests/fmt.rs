//! `fmt`: idempotent, comments kept, and meaning-preserving — parse(fmt(x)) equals parse(x) up
//! to spans — over every `.tc` in the repository and over generated rules.

use std::path::{Path, PathBuf};
use tieuchi::ast::EraseSpans;
use tieuchi::fmt::format_source;

fn all_tc(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir()
            && !p.ends_with("target")
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

fn meaning(text: &str) -> Option<tieuchi::ast::RulesFile> {
    let mut ast = tieuchi::syntax::parse(text, 0).ok()?;
    ast.erase_spans();
    Some(ast)
}

fn comment_count(text: &str) -> usize {
    text.lines()
        .filter(|l| l.contains("//"))
        .map(|l| l.matches("//").count())
        .sum()
}

/// Checks the three properties for one text; returns false when it does not parse.
fn check_properties(name: &str, text: &str) -> bool {
    let Some(before) = meaning(text) else {
        return false;
    };
    let once = format_source(text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    let after =
        meaning(&once).unwrap_or_else(|| panic!("{name}: formatted text does not parse:\n{once}"));
    assert_eq!(
        before, after,
        "{name}: formatting changed the meaning:\n{once}"
    );
    let twice = format_source(&once).unwrap_or_default();
    assert_eq!(once, twice, "{name}: not idempotent");
    assert_eq!(
        comment_count(text),
        comment_count(&once),
        "{name}: comments lost:\n{once}"
    );
    true
}

#[test]
fn every_rules_file_in_the_repository() {
    let mut files = Vec::new();
    all_tc(Path::new(env!("CARGO_MANIFEST_DIR")), &mut files);
    let mut parsed = 0;
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        parsed += usize::from(check_properties(&f.display().to_string(), &text));
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
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(f))
            .unwrap_or_default();
        assert_eq!(
            format_source(&text).unwrap_or_default(),
            text,
            "{f} is not formatted: run `tieuchi fmt {f}`"
        );
    }
}

/// Deterministic generator of random rules files with odd spacing, parentheses and comments.
struct Gen(u64);

impl Gen {
    fn next(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }

    fn space(&mut self) -> &'static str {
        [" ", "  ", "\n    ", " // chú thích\n  ", "\t"][self.next(5) as usize]
    }

    fn num(&mut self, depth: u32) -> String {
        let s = self.space();
        match (depth, self.next(9)) {
            (0, _) | (_, 0) => {
                ["a@p", "b", "12", "0.5", "12.50%", "x"][self.next(6) as usize].to_string()
            }
            (_, 1) => format!("({}{s})", self.num(depth - 1)),
            (_, 2) => format!("ratio({},{s}{})", self.num(depth - 1), self.num(depth - 1)),
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
        let op = ["<", "<=", ">", ">=", "==", "!="][self.next(6) as usize];
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

    fn rules(&mut self) -> String {
        let mut r = String::from("// đầu tệp\nruleset g \"Sinh ngẫu nhiên\"\nperiod p \"Kỳ\" from 2024-01-01 to 2024-12-31\n\n\n");
        r.push_str("input a \"A\": count per period   // cuối dòng\ninput b \"B\": number\ninput c \"C\": choice(u \"U\", v)\nparam t \"T\" = 12.5%\n");
        r.push_str(&format!("let x =   {}\n", self.num(3)));
        r.push_str("assessment s \"S\" when c == u {\n  // trước tiêu chí\n");
        for i in 0..4 {
            let kind = ["required", "points 10", "", "required when b > 1"][self.next(4) as usize];
            r.push_str(&format!(
                "  criterion K{i} \"K {i}\" {kind} {{{}{}{}}}\n",
                self.space(),
                self.cond(3),
                self.space()
            ));
        }
        r.push_str("  outcome d \"D\" when all_required and points >= 10 // chọn\n  outcome e \"E\" otherwise\n  // cuối khối\n}\n");
        r.push_str(&format!(
            "target T \"T\" {{ share(s == d among {}) >= 50% }}\n",
            self.cond(1)
        ));
        r.push_str("test \"t\" {\n  given { a@p = 3  b = 2.5  c = u }  // giá trị\n  set t = 10%\n  expect s.K0 == pass\n}\n");
        r
    }
}

#[test]
fn generated_rules_keep_their_meaning() {
    let mut g = Gen(0x2545_f491_4f6c_dd1d);
    for i in 0..300 {
        let text = g.rules();
        assert!(
            check_properties(&format!("generated #{i}"), &text),
            "generated #{i} does not parse:\n{text}"
        );
        let checked = tieuchi::check_text("g.tc", &text);
        let formatted = tieuchi::check_text("g.tc", &format_source(&text).unwrap_or_default());
        assert_eq!(
            checked.has_errors(),
            formatted.has_errors(),
            "generated #{i}: checking differs"
        );
    }
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
