//! The report as a list of blocks of plain text (worded, not yet escaped): [`super::content`]
//! writes them, [`super::html`] and [`super::md`] lay them out. Escaping happens only in the
//! layouts, so no text from the rules or the data reaches the page unescaped.

/// A table cell: text, with a style class for HTML (`pass`, `fail`, `unknown`, `num` …).
#[derive(Debug, Clone, Default)]
pub struct Cell {
    /// The text; `\n` separates lines.
    pub text: String,
    /// The HTML class, if any.
    pub class: Option<&'static str>,
}

impl Cell {
    /// A plain cell.
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            class: None,
        }
    }

    /// A cell with a class.
    pub fn with(text: impl Into<String>, class: &'static str) -> Cell {
        Cell {
            text: text.into(),
            class: Some(class),
        }
    }
}

/// One block of the document.
#[derive(Debug, Clone)]
pub enum Block {
    /// The masthead: the issuing body (left) and the national title and motto (right).
    Masthead {
        /// Lines on the left.
        left: Vec<String>,
        /// Lines on the right.
        right: Vec<String>,
    },
    /// The document's title and subtitle.
    Title(String, String),
    /// A heading of level 2 (section) or 3 (subsection) or 4.
    Heading(u8, String),
    /// A paragraph.
    Para(String),
    /// A muted remark.
    Remark(String),
    /// A warning box (e.g. illustrative data).
    Banner(String),
    /// A bulleted list.
    List(Vec<String>),
    /// Label–value pairs.
    Fields(Vec<(String, String)>),
    /// A table with a header row.
    Table {
        /// The header cells.
        head: Vec<String>,
        /// The rows.
        rows: Vec<Vec<Cell>>,
    },
    /// A chart: its SVG (HTML only) and a caption (both).
    Chart {
        /// The SVG element, drawn by [`super::charts`] (already safe to inline).
        svg: String,
        /// A caption.
        caption: String,
    },
    /// Text shown verbatim in a monospace font (a command).
    Code(String),
    /// Start a new printed page here.
    PageBreak,
    /// One area's section (a `<section>` of its own in HTML).
    Area(Vec<Block>),
    /// The place and date line, then the signature boxes: (role, hint) each.
    Signatures {
        /// "……, ngày … tháng … năm …"
        place_date: String,
        /// Each signer's role and the hint under it.
        signers: Vec<(String, String)>,
    },
}
