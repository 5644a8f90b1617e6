//! Where comments and strings are in rules text: one scanner for every phase that needs to know
//! (spans without trailing comments, `fmt`, `diff`). Strings may span lines and hold `\"` and `\\`.

use std::ops::Range;

/// The `//` comments of `text` that lie outside strings, as byte ranges (without the line break).
/// `text` must start outside a string (the start of a file or of a declaration).
pub fn comments(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let (mut i, mut in_string) = (0, false);
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => {
                let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
                out.push(i..end);
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The byte ranges of the line breaks of `text` that lie inside strings (as [`comments`] sees them).
pub fn breaks_in_strings(text: &str) -> Vec<usize> {
    let comments = comments(text);
    let mut out = Vec::new();
    let (mut in_string, mut escaped, mut c) = (false, false, 0);
    for (i, b) in text.bytes().enumerate() {
        while c < comments.len() && comments[c].end <= i {
            c += 1;
        }
        if comments.get(c).is_some_and(|r| r.contains(&i)) {
            continue;
        }
        match b {
            b'\n' if in_string => out.push(i),
            b'"' if !escaped => in_string = !in_string,
            _ => {}
        }
        escaped = in_string && b == b'\\' && !escaped;
    }
    out
}

/// The length of `text` without trailing whitespace and comments.
pub fn code_len(text: &str) -> usize {
    let mut end = text.trim_end().len();
    let last_line = text[..end].rfind('\n').map_or(0, |n| n + 1);
    if !text[last_line..end].contains("//") {
        return end;
    }
    for r in comments(text).iter().rev() {
        if r.end == end {
            end = text[..r.start].trim_end().len();
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_line_breaks_in_strings() {
        let t = "a \"x\\\\\" // one\nb \"say \\\"// no\\\" \n// still no\" // two";
        let found: Vec<&str> = comments(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(found, ["// one", "// two"]);
        assert_eq!(breaks_in_strings(t), [t.find(" \n").unwrap() + 1]);
        assert_eq!(code_len(t), t.find(" // two").unwrap());
        assert_eq!(code_len("x // a\n  // b\n"), 1);
    }
}
