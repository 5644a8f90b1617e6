//! Splitting CSV text into rows of cells, each with its exact place in the text: `"` quotes
//! (`""` inside them is one quote, and they may hold separators and line ends), CRLF, LF or CR
//! line ends, `#` comment lines and empty lines skipped.

/// One cell: its text (quotes removed) and its byte range in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The text, quotes undone, not trimmed.
    pub text: String,
    /// Start of the cell (of its value, past leading spaces, for an unquoted cell).
    pub start: usize,
    /// End of the cell (before trailing spaces, for an unquoted cell).
    pub end: usize,
}

/// One row of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Its cells, at least one.
    pub cells: Vec<Cell>,
    /// Where it starts in the file.
    pub start: usize,
    /// Where it ends, before its line end.
    pub end: usize,
    /// The 1-based line it starts on.
    pub line: usize,
}

/// The separator of a header line: whichever of `,`, `;` and tab appears most outside quotes
/// (`,` when none does or on a tie).
pub fn separator(header: &str) -> char {
    let (mut counts, mut quoted) = ([0usize; 3], false);
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            '\n' | '\r' if !quoted => break,
            _ => {}
        }
    }
    let best = (0..3).fold(0, |b, i| if counts[i] > counts[b] { i } else { b });
    [',', ';', '\t'][best]
}

/// The first line of `text` from `from` that is neither empty nor a `#` comment.
pub fn header_line(text: &str, from: usize) -> &str {
    text.get(from..)
        .unwrap_or("")
        .split(['\n', '\r'])
        .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .unwrap_or("")
}

/// A quote opened at this byte offset is never closed: the rest of the file would be one cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unclosed(pub usize);

struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    sep: char,
}

impl Lexer<'_> {
    fn peek(&self) -> Option<char> {
        self.text.get(self.pos..).and_then(|s| s.chars().next())
    }

    /// Consumes one line end if there is one; true when it did.
    fn line_end(&mut self) -> bool {
        let rest = self.text.get(self.pos..).unwrap_or("");
        let n = if rest.starts_with("\r\n") {
            2
        } else if rest.starts_with(['\r', '\n']) {
            1
        } else {
            return false;
        };
        self.pos += n;
        self.line += 1;
        true
    }

    fn skip_line(&mut self) {
        while let Some(c) = self.peek() {
            if self.line_end() {
                return;
            }
            self.pos += c.len_utf8();
        }
    }

    fn cell(&mut self) -> Result<Cell, Unclosed> {
        let begin = self.pos;
        let rest = self.text.get(self.pos..).unwrap_or("");
        let lead = rest.len() - rest.trim_start_matches(' ').len();
        if rest[lead..].starts_with('"') {
            return self.quoted(begin + lead);
        }
        while let Some(c) = self.peek() {
            if c == self.sep || c == '\r' || c == '\n' {
                break;
            }
            self.pos += c.len_utf8();
        }
        let raw = &self.text[begin..self.pos];
        let start = begin + (raw.len() - raw.trim_start().len());
        let end = (begin + raw.trim_end().len()).max(start);
        Ok(Cell {
            text: raw.to_string(),
            start,
            end,
        })
    }

    fn quoted(&mut self, quote: usize) -> Result<Cell, Unclosed> {
        self.pos = quote + 1;
        let mut text = String::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(Unclosed(quote));
            };
            if c == '"' {
                self.pos += 1;
                if self.peek() == Some('"') {
                    text.push('"');
                    self.pos += 1;
                    continue;
                }
                break;
            }
            let before = self.pos;
            if self.line_end() {
                text.push_str(&self.text[before..self.pos]);
                continue;
            }
            text.push(c);
            self.pos += c.len_utf8();
        }
        let end = self.pos;
        // Anything after the closing quote, up to the separator, is kept as written.
        while let Some(c) = self.peek() {
            if c == self.sep || c == '\r' || c == '\n' {
                break;
            }
            text.push(c);
            self.pos += c.len_utf8();
        }
        Ok(Cell {
            text,
            start: quote,
            end: end.max(self.text[..self.pos].trim_end().len()),
        })
    }

    fn row(&mut self) -> Result<Row, Unclosed> {
        let (start, line) = (self.pos, self.line);
        let mut cells = vec![];
        loop {
            cells.push(self.cell()?);
            if self.peek() == Some(self.sep) {
                self.pos += self.sep.len_utf8();
                continue;
            }
            break;
        }
        let end = self.pos;
        self.line_end();
        Ok(Row {
            cells,
            start,
            end,
            line,
        })
    }
}

/// The rows of `text` from byte `from` (after a byte-order mark), separated by `sep`; an
/// unclosed quote ends the rows read.
#[cfg(test)]
pub fn rows(text: &str, from: usize, sep: char) -> (Vec<Row>, Option<Unclosed>) {
    let mut it = RowIter::new(text, from, sep);
    let mut rows = vec![];
    for r in it.by_ref() {
        rows.push(r);
    }
    (rows, it.unclosed)
}

/// The rows of a text one at a time (see [`rows`]); after the last, [`RowIter::unclosed`] says
/// whether an unclosed quote ended them.
pub struct RowIter<'a> {
    lx: Lexer<'a>,
    /// Set when an unclosed quote ended the rows.
    pub unclosed: Option<Unclosed>,
}

impl<'a> RowIter<'a> {
    /// The rows of `text` from byte `from`, separated by `sep`.
    pub fn new(text: &'a str, from: usize, sep: char) -> RowIter<'a> {
        RowIter {
            lx: Lexer {
                text,
                pos: from,
                line: 1 + text.get(..from).map_or(0, |t| t.matches('\n').count()),
                sep,
            },
            unclosed: None,
        }
    }
}

impl Iterator for RowIter<'_> {
    type Item = Row;

    fn next(&mut self) -> Option<Row> {
        let lx = &mut self.lx;
        while self.unclosed.is_none() && lx.pos < lx.text.len() {
            let rest = &lx.text[lx.pos..];
            let blank = rest
                .split(['\r', '\n'])
                .next()
                .is_some_and(|l| l.trim().is_empty());
            if rest.starts_with('#') || blank {
                lx.skip_line();
                continue;
            }
            match lx.row() {
                Ok(r) => return Some(r),
                Err(e) => self.unclosed = Some(e),
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_keep_their_places() {
        let text = "# c\r\na;\"b;\"\"x\"\"\r\ny\"; c \r\n\r\nd;e";
        let (rows, err) = rows(text, 0, ';');
        assert_eq!(err, None);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].cells[1].text, "b;\"x\"\r\ny");
        assert_eq!(&text[rows[0].cells[2].start..rows[0].cells[2].end], "c");
        assert_eq!(rows[1].line, 5);
        assert_eq!(&text[rows[1].cells[1].start..rows[1].cells[1].end], "e");
    }

    #[test]
    fn separator_is_the_most_frequent() {
        assert_eq!(separator("id;name;\"a,b\",c"), ';');
        assert_eq!(separator("id,name"), ',');
        assert_eq!(separator("id\tname"), '\t');
        assert_eq!(separator("id"), ',');
    }

    #[test]
    fn unclosed_quote_is_reported_where_it_opens() {
        let (rows, err) = rows("a,b\n1,\"x\n2,3\n", 0, ',');
        assert_eq!(rows.len(), 1);
        assert_eq!(err, Some(Unclosed(6)));
    }
}
