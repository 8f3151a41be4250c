//! Deserializing maps and sets that refuse a repeated key instead of silently keeping one.
//!
//! serde's `BTreeMap` and `BTreeSet` keep the last of two equal keys: a file with
//! `header_overrides: {Roadblock: "a", Roadblock: "b"}` loaded as "b" alone and `fmt` dropped
//! "a" for good. These functions, used with `#[serde(deserialize_with = …)]`, fail instead; the
//! RON deserializer adds the line and column.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, Error, MapAccess, SeqAccess, Visitor};

use super::document::ColumnKind;
use super::id::Id;

/// `Domain::header_overrides`: a column's header override may be given once.
pub(super) fn header_overrides<'de, D>(
    deserializer: D,
) -> Result<BTreeMap<ColumnKind, String>, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_map(UniqueMap {
        what: "header override",
        name: |kind: &ColumnKind| match kind.text_id() {
            Some(id) => format!("Text(\"{id}\")"),
            None => format!("{kind:?}"),
        },
        marker: PhantomData,
    })
}

/// `Domain::cells` and `Roadblock::cells`: a column's cell may be given once.
pub(super) fn cells<'de, D>(deserializer: D) -> Result<BTreeMap<Id, String>, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_map(UniqueMap {
        what: "cell of column",
        name: |id: &Id| format!("\"{id}\""),
        marker: PhantomData,
    })
}

/// `Timeline::label_overrides`: a column's label may be given once.
pub(super) fn label_overrides<'de, D>(deserializer: D) -> Result<BTreeMap<u8, String>, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_map(UniqueMap {
        what: "column label",
        name: |index: &u8| index.to_string(),
        marker: PhantomData,
    })
}

/// `Roadblock::categories`: each letter once.
pub(super) fn category_letters<'de, D>(deserializer: D) -> Result<BTreeSet<char>, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_seq(UniqueSet {
        what: "category letter",
        marker: PhantomData,
    })
}

/// A map visitor that fails on the second occurrence of a key; `what` names the keys and
/// `name` writes one as the file does.
struct UniqueMap<K, V> {
    what: &'static str,
    name: fn(&K) -> String,
    marker: PhantomData<(K, V)>,
}

impl<'de, K, V> Visitor<'de> for UniqueMap<K, V>
where
    K: Deserialize<'de> + Ord,
    V: Deserialize<'de>,
{
    type Value = BTreeMap<K, V>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        write!(formatter, "a map of {}s", self.what)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        let mut map = BTreeMap::new();
        while let Some(key) = access.next_key::<K>()? {
            if map.contains_key(&key) {
                return Err(A::Error::custom(format!(
                    "the {} `{}` is given twice",
                    self.what,
                    (self.name)(&key)
                )));
            }
            let value = access.next_value()?;
            map.insert(key, value);
        }
        Ok(map)
    }
}

/// A sequence visitor that fails on the second occurrence of an element.
struct UniqueSet<T> {
    what: &'static str,
    marker: PhantomData<T>,
}

impl<'de, T> Visitor<'de> for UniqueSet<T>
where
    T: Deserialize<'de> + Ord + fmt::Display,
{
    type Value = BTreeSet<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        write!(formatter, "a list of {}s", self.what)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        let mut set = BTreeSet::new();
        while let Some(element) = access.next_element::<T>()? {
            if set.contains(&element) {
                return Err(A::Error::custom(format!(
                    "the {} {element} is listed twice",
                    self.what
                )));
            }
            set.insert(element);
        }
        Ok(set)
    }
}

#[cfg(test)]
mod tests {
    use serde::de::IntoDeserializer;
    use serde::de::value::{Error as ValueError, MapDeserializer, SeqDeserializer};

    use super::*;

    fn overrides(pairs: &[(&'static str, &'static str)]) -> Result<String, String> {
        let deserializer: MapDeserializer<'_, _, ValueError> =
            MapDeserializer::new(pairs.iter().copied());
        header_overrides(deserializer)
            .map(|map| format!("{map:?}"))
            .map_err(|e| e.to_string())
    }

    fn letters(letters: &[char]) -> Result<String, String> {
        let deserializer: SeqDeserializer<_, ValueError> =
            SeqDeserializer::new(letters.iter().map(|c| c.into_deserializer()));
        category_letters(deserializer)
            .map(|set| set.into_iter().collect())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn a_repeated_header_override_is_refused() {
        assert_eq!(
            overrides(&[("Roadblock", "第一の見出し"), ("Roadblock", "第二の見出し")]),
            Err("the header override `Roadblock` is given twice".into())
        );
        assert_eq!(
            overrides(&[("Done", "済"), ("Actions", "取組")]),
            Ok(r#"{Done: "済", Actions: "取組"}"#.into())
        );
    }

    #[test]
    fn a_repeated_category_letter_is_refused() {
        assert_eq!(
            letters(&['A', 'B', 'A']),
            Err("the category letter A is listed twice".into())
        );
        assert_eq!(letters(&['C', 'A']), Ok("AC".into()));
    }
}
