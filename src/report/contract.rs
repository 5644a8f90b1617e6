//! The JSON contract shared by every JSON document (`docs/json.md`): the format version, exact
//! numbers as strings, ranges as `{ "min", "max" }`, tallies with named keys, diagnostics with
//! their place, and the JSON Schemas of the documents, generated from the same types.
//!
//! Each document is a typed value (`Serialize` + [`JsonSchema`]), so its schema
//! ([`schemas`]) cannot drift from what is written.

use crate::diag::{to_json, Diagnostic, JsonDiagnostic};
use crate::eval::Tally;
use crate::i18n::Lang;
use crate::num::Num;
use crate::source::SourceMap;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Serialize, Serializer};
use std::borrow::Cow;

/// The version of the JSON contract every document carries as `format_version`. Within one
/// version fields are only added; a change of shape or meaning gives a new version.
pub const FORMAT_VERSION: &str = "1";

/// The `format_version` field: always [`FORMAT_VERSION`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FormatVersion;

impl Serialize for FormatVersion {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(FORMAT_VERSION)
    }
}

impl JsonSchema for FormatVersion {
    fn schema_name() -> Cow<'static, str> {
        "FormatVersion".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The version of the JSON contract (docs/json.md); a string.",
            "type": "string",
            "const": FORMAT_VERSION
        })
    }
}

/// The pattern of an exact number: a terminating decimal (`"-12"`, `"0.875"`) or a reduced
/// fraction (`"2/3"`).
const EXACT_PATTERN: &str = r"^-?[0-9]+(\.[0-9]+)?$|^-?[0-9]+/[0-9]+$";

impl JsonSchema for Num {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Exact".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An exact number as a string: a decimal when it terminates, else a fraction `a/b`.",
            "type": "string",
            "pattern": EXACT_PATTERN
        })
    }
}

/// A range of possible values, `{ "min": …, "max": … }` (equal when decided).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Range<T> {
    /// The lowest possible value.
    pub min: T,
    /// The highest possible value.
    pub max: T,
}

impl<T: Copy + PartialEq> Range<T> {
    /// The range from a `(min, max)` pair.
    pub fn of((min, max): (T, T)) -> Range<T> {
        Range { min, max }
    }

    /// The value when the range holds one value (decided), else `None`.
    pub fn decided(&self) -> Option<T> {
        (self.min == self.max).then_some(self.min)
    }
}

/// What a `count(COND among FILTER)` or `share(…)` saw: areas by whether they are certainly
/// (`in`) or maybe (`maybe_in`) in the filter, and whether the condition is true, unknown or
/// false for them. An area certainly outside the filter is not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TallyJson {
    /// In the filter; the condition holds.
    pub in_and_true: u64,
    /// In the filter; the condition is unknown.
    pub in_and_unknown: u64,
    /// In the filter; the condition does not hold.
    pub in_and_false: u64,
    /// Maybe in the filter (its data leaves it open); the condition holds.
    pub maybe_in_and_true: u64,
    /// Maybe in the filter; the condition is unknown.
    pub maybe_in_and_unknown: u64,
    /// Maybe in the filter; the condition does not hold.
    pub maybe_in_and_false: u64,
}

impl From<&Tally> for TallyJson {
    fn from(t: &Tally) -> TallyJson {
        TallyJson {
            in_and_true: t.tt,
            in_and_unknown: t.tu,
            in_and_false: t.tf,
            maybe_in_and_true: t.ut,
            maybe_in_and_unknown: t.uu,
            maybe_in_and_false: t.uf,
        }
    }
}

/// A diagnostic about a data file: a [`JsonDiagnostic`] and the area it is inside.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DataDiagnostic {
    /// The diagnostic.
    #[serde(flatten)]
    pub diagnostic: JsonDiagnostic,
    /// The id of the area the problem is inside; `null` when it is not inside one area (a
    /// column header, the whole file).
    pub area: Option<String>,
}

impl DataDiagnostic {
    /// `d` as JSON, placed in `sources`, its area found in `places` (see
    /// [`AreaPlaces::area_of`](crate::data::AreaPlaces::area_of)).
    pub fn new(
        d: &Diagnostic,
        sources: &SourceMap,
        places: &crate::data::AreaPlaces,
        lang: Lang,
    ) -> DataDiagnostic {
        DataDiagnostic {
            diagnostic: to_json(d, sources, lang),
            area: places.area_of(d).map(str::to_string),
        }
    }
}

/// A map written in a chosen order (declaration order), e.g. the assessments of an area by
/// id; its schema is an object whose values are `V`.
#[derive(Debug, Clone, Default)]
pub struct Ordered<V>(pub Vec<(String, V)>);

impl<V: Serialize> Serialize for Ordered<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<V: JsonSchema> JsonSchema for Ordered<V> {
    fn schema_name() -> Cow<'static, str> {
        format!("Map_of_{}", V::schema_name()).into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "object", "additionalProperties": g.subschema_for::<V>() })
    }
}

/// The JSON Schema (2020-12) of a document type.
fn schema_of<T: JsonSchema>() -> serde_json::Value {
    schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value()
}

/// The JSON Schemas of every JSON document, as `(name, schema)`: the files
/// `schema/NAME.schema.json`.
pub fn schemas() -> Vec<(&'static str, serde_json::Value)> {
    vec![
        ("assess", schema_of::<super::json::AssessDocument>()),
        (
            "validate",
            schema_of::<super::documents::ValidateDocument>(),
        ),
        ("check", schema_of::<super::documents::CheckDocument>()),
        ("test", schema_of::<super::documents::TestDocument>()),
        ("diff", schema_of::<super::diff::json::DiffDocument>()),
        ("sweep", schema_of::<super::sweep::SweepDocument>()),
    ]
}

/// Writes `value` as JSON to `out`: indented when `pretty`, then a newline.
pub fn write<T: Serialize>(
    value: &T,
    pretty: bool,
    mut out: impl std::io::Write,
) -> std::io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut out, value)?;
    } else {
        serde_json::to_writer(&mut out, value)?;
    }
    writeln!(out)
}

/// Schemas of the types written by hand-made serialisers.
mod by_hand {
    use super::*;
    use crate::diag::Text;
    use crate::eval::explain::{Note, Shown};

    impl JsonSchema for Shown {
        fn inline_schema() -> bool {
            true
        }
        fn schema_name() -> Cow<'static, str> {
            "Shown".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "A value as shown to people: `75%`, `12`, `2/3`, `true`, `2024-06-14`, an option's name, `unknown`, or a range `70–100`.",
                "type": "string"
            })
        }
    }

    impl JsonSchema for Text {
        fn inline_schema() -> bool {
            true
        }
        fn schema_name() -> Cow<'static, str> {
            "Text".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({ "type": "string" })
        }
    }

    impl JsonSchema for Note {
        fn schema_name() -> Cow<'static, str> {
            "Note".into()
        }
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            let shown = g.subschema_for::<Shown>();
            json_schema!({
                "description": "A note under a value: the operands of a ratio (`of`: part, whole) or change (`against`: new, old), a fallback used, or the verdict tested by `X in (…)`.",
                "type": "object",
                "properties": {
                    "kind": { "type": "string", "enum": ["of", "against", "fallback", "verdict"] },
                    "part": shown, "whole": shown, "new": shown, "old": shown,
                    "assessment": { "type": "string" },
                    "verdict": { "type": "string" },
                    "possible": { "type": "array", "items": { "type": "string" } }
                },
                "required": ["kind"]
            })
        }
    }
}
