//! Positions of the protocol (a line and a column in UTF-16 code units) and byte offsets into a
//! text, both ways.

use lsp_types::{Position, Range};

/// The start of every line of a text, for converting positions both ways.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// The index of `text`'s lines (`\n` ends a line; a `\r` before it belongs to the line).
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The protocol position of byte `offset` of `text` (clamped to the text, and back to a
    /// character boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let col: usize = text
            .get(start..offset)
            .map_or(0, |s| s.chars().map(char::len_utf16).sum());
        Position::new(line as u32, col as u32)
    }

    /// The byte offset of a protocol position: a column past the line's end is its end, a line
    /// past the last is the text's end, a column inside a surrogate pair is the character's start.
    pub fn offset(&self, text: &str, pos: Position) -> usize {
        let Some(&start) = self.starts.get(pos.line as usize) else {
            return text.len();
        };
        let end = self
            .starts
            .get(pos.line as usize + 1)
            .copied()
            .unwrap_or(text.len());
        let line = text.get(start..end).unwrap_or("");
        let line = line.strip_suffix('\n').unwrap_or(line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut units = 0usize;
        for (i, c) in line.char_indices() {
            let next = units + c.len_utf16();
            if next > pos.character as usize {
                return start + i;
            }
            units = next;
        }
        start + line.len()
    }

    /// The protocol range of bytes `start..end`.
    pub fn range(&self, text: &str, start: usize, end: usize) -> Range {
        Range::new(self.position(text, start), self.position(text, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns_both_ways() {
        // `đ` is 2 bytes and 1 unit; `ạ` written as `a` + combining dot below is 2 units; `𝔸`
        // is 4 bytes and 2 units (a surrogate pair).
        let text = "đạt x\n\"𝔸\" a\u{323}y\r\nz";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(idx.position(text, x), Position::new(0, 4));
        assert_eq!(idx.offset(text, Position::new(0, 4)), x);
        let y = text.find('y').unwrap();
        assert_eq!(idx.position(text, y), Position::new(1, 7));
        assert_eq!(idx.offset(text, Position::new(1, 7)), y);
        // Inside the surrogate pair: the character's start.
        let astral = text.find('𝔸').unwrap();
        assert_eq!(idx.offset(text, Position::new(1, 2)), astral);
        // Past the end of a line (before `\r\n`) and past the last line.
        assert_eq!(
            idx.offset(text, Position::new(1, 99)),
            text.find("\r\n").unwrap()
        );
        assert_eq!(idx.offset(text, Position::new(9, 0)), text.len());
        assert_eq!(idx.position(text, text.len()), Position::new(2, 1));
        // An offset inside a character goes back to its start.
        assert_eq!(idx.position(text, 1), Position::new(0, 0));
    }
}
