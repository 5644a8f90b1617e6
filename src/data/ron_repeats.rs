//! Repeated keys in RON data. `ron::Value` keeps one entry per key (the last wins), so the text
//! is walked a second time with a visitor that sees every key as written.

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::RefCell;
use std::collections::HashSet;

/// A key written twice in one map.
#[derive(Debug, Clone, PartialEq)]
pub struct Repeat {
    /// The index in `areas` of the area it is in; `None` for the document's own fields.
    pub area: Option<usize>,
    /// The key, in Unicode normal form C.
    pub key: String,
}

/// Every repeated key, in text order (none when the text does not parse).
pub fn repeated_keys(text: &str) -> Vec<Repeat> {
    let found = RefCell::new(vec![]);
    if let Ok(mut de) = ron::de::Deserializer::from_str(text) {
        let walk = Walk {
            found: &found,
            at: Place::Root,
        };
        // A text that does not parse was already reported by the reader.
        let _ = walk.deserialize(&mut de);
    }
    found.into_inner()
}

/// Where in the document a value is.
#[derive(Clone, Copy)]
enum Place {
    Root,
    Areas,
    Area(usize),
    InArea(usize),
    Elsewhere,
}

struct Walk<'a> {
    found: &'a RefCell<Vec<Repeat>>,
    at: Place,
}

impl Walk<'_> {
    fn to(&self, at: Place) -> Self {
        Walk {
            found: self.found,
            at,
        }
    }

    fn child(&self, key: Option<&str>, index: usize) -> Place {
        match (self.at, key) {
            (Place::Root, Some("areas")) => Place::Areas,
            (Place::Areas, None) => Place::Area(index),
            (Place::Area(i) | Place::InArea(i), _) => Place::InArea(i),
            _ => Place::Elsewhere,
        }
    }

    fn area(&self) -> Option<Option<usize>> {
        match self.at {
            Place::Root => Some(None),
            Place::Area(i) | Place::InArea(i) => Some(Some(i)),
            Place::Areas | Place::Elsewhere => None,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    /// The value's text when it is a string (so that keys can be compared).
    type Value = Option<String>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        crate::stack::grow(|| d.deserialize_any(self))
    }
}

macro_rules! scalars {
    ($($f:ident: $t:ty),*) => {
        $(fn $f<E: serde::de::Error>(self, _: $t) -> Result<Self::Value, E> { Ok(None) })*
    };
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = Option<String>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any RON value")
    }

    scalars!(visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_i128: i128,
        visit_u128: u128, visit_f64: f64, visit_char: char, visit_bytes: &[u8]);

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.deserialize(d).map(|_| None)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.deserialize(d).map(|_| None)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut index = 0;
        while seq
            .next_element_seed(self.to(self.child(None, index)))?
            .is_some()
        {
            index += 1;
        }
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key_seed(self.to(Place::Elsewhere))? {
            let key = key.map(|k| crate::source::nfc(&k));
            if let (Some(k), Some(area)) = (&key, self.area()) {
                if !seen.insert(k.clone()) {
                    let key = k.clone();
                    self.found.borrow_mut().push(Repeat { area, key });
                }
            }
            map.next_value_seed(self.to(self.child(key.as_deref(), 0)))?;
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_repeats_in_the_document_an_area_and_its_values() {
        let text = r#"(areas: [
            (id: "a", values: { "vu": 1, "vu": 2 }),
            (id: "b", id: "c", values: {}),
        ], areas: [])"#;
        let repeat = |area, key: &str| Repeat {
            area,
            key: key.to_string(),
        };
        assert_eq!(
            repeated_keys(text),
            [
                repeat(Some(0), "vu"),
                repeat(Some(1), "id"),
                repeat(None, "areas")
            ]
        );
    }
}
