//! The merchant's own wording: the `strings` property, parsed.
//!
//! ```js
//! checkout.strings = {
//!   "pay.amount": "Buy now for {amount}",          // every language
//!   fr: { "pay.amount": "Acheter pour {amount}" },  // French only
//!   "otp.attempts-left": { one: "{count} try", other: "{count} tries" },
//! };
//! ```
//!
//! A key that is not in the catalogue, or a value that is not text, is
//! reported (the element sends a `CONFIG_ERROR`) and the rest applies.

use thiserror::Error;

use super::keys::Key;
use super::message::PluralCategory;
use crate::core::json::{quoted, Map, Value};

#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum StringsError {
    #[error("strings must be an object of catalogue keys, or of language tags holding them")]
    NotAnObject,
    #[error("strings: {} is not a catalogue key", quoted(.0))]
    UnknownKey(String),
    #[error("strings: {} must be text, or an object of plural forms (one, many, other) with other", quoted(.0))]
    NotText(String),
}

/// One overridden entry: its forms by plural category (plain text is
/// `other` alone).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    /// A lower-case language tag, or `None` for every language.
    scope: Option<String>,
    key: Key,
    forms: Vec<(PluralCategory, String)>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overrides {
    entries: Vec<Entry>,
}

impl Overrides {
    /// Parses `strings`; problems are listed and the valid entries kept.
    pub fn parse(value: &Value) -> (Overrides, Vec<StringsError>) {
        let mut overrides = Overrides::default();
        let mut problems = Vec::new();
        match value {
            Value::Null => {}
            Value::Object(map) => overrides.read(None, map, &mut problems),
            _ => problems.push(StringsError::NotAnObject),
        }
        (overrides, problems)
    }

    fn read(&mut self, scope: Option<&str>, map: &Map, problems: &mut Vec<StringsError>) {
        for (name, value) in map {
            match (Key::from_id(name), value) {
                (Some(key), _) => match forms(value) {
                    Some(forms) => self.entries.push(Entry {
                        scope: scope.map(str::to_owned),
                        key,
                        forms,
                    }),
                    None => problems.push(StringsError::NotText(name.clone())),
                },
                // A language's own section, one level deep only.
                (None, Value::Object(section)) if scope.is_none() && is_language_tag(name) => {
                    self.read(Some(&name.to_ascii_lowercase().replace('_', "-")), section, problems);
                }
                (None, _) => problems.push(StringsError::UnknownKey(name.clone())),
            }
        }
    }

    /// The merchant's forms for `key` in the first of `tags` that has
    /// them, else the ones for every language.
    pub(super) fn find(&self, tags: &[String], key: Key) -> Option<&[(PluralCategory, String)]> {
        let scoped = tags.iter().find_map(|tag| {
            self.entries
                .iter()
                .find(|entry| entry.key == key && entry.scope.as_deref() == Some(tag))
        });
        scoped
            .or_else(|| self.entries.iter().find(|entry| entry.key == key && entry.scope.is_none()))
            .map(|entry| entry.forms.as_slice())
    }

    /// Whether the merchant wrote anything for `tag` itself.
    pub(super) fn covers(&self, tag: &str) -> bool {
        self.entries.iter().any(|entry| entry.scope.as_deref() == Some(tag))
    }
}

/// Plain text, or `{one?, many?, other}`.
fn forms(value: &Value) -> Option<Vec<(PluralCategory, String)>> {
    match value {
        Value::String(text) => Some(vec![(PluralCategory::Other, text.clone())]),
        Value::Object(map) => {
            let mut forms = Vec::new();
            for (name, form) in map {
                forms.push((PluralCategory::parse(name)?, form.as_str()?.to_owned()));
            }
            forms
                .iter()
                .any(|(category, _)| *category == PluralCategory::Other)
                .then_some(forms)
        }
        _ => None,
    }
}

/// `fr`, `fr-CD`, `pt_BR`, `zh-Hant-TW`: letters and digits in subtags of
/// 1 to 8, the first of 2 or 3 letters.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let first_ok = parts
        .next()
        .is_some_and(|first| (2..=3).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok && parts.all(|part| (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;

    #[test]
    fn keys_for_every_language_and_for_one_are_both_read() {
        let (overrides, problems) = Overrides::parse(&json!({
            "pay": "Buy",
            "fr_CD": { "pay": "Acheter" },
            "otp.attempts-left": { "one": "{count} try", "other": "{count} tries" },
        }));
        assert!(problems.is_empty(), "{problems:?}");
        let tags = |tags: &[&str]| tags.iter().map(|tag| tag.to_string()).collect::<Vec<_>>();
        let pay_fr = overrides.find(&tags(&["fr-cd", "fr"]), Key::Pay).unwrap();
        assert_eq!(pay_fr, [(PluralCategory::Other, "Acheter".to_owned())]);
        let pay_sw = overrides.find(&tags(&["sw"]), Key::Pay).unwrap();
        assert_eq!(pay_sw, [(PluralCategory::Other, "Buy".to_owned())]);
        assert_eq!(overrides.find(&tags(&["sw"]), Key::OtpAttemptsLeft).unwrap().len(), 2);
        assert!(overrides.covers("fr-cd") && !overrides.covers("fr"));
        assert_eq!(overrides.find(&tags(&["en"]), Key::Close), None);
    }

    #[test]
    fn what_cannot_be_used_is_reported_and_the_rest_kept() {
        let (overrides, mut problems) = Overrides::parse(&json!({
            "pay.buton": "Pay",
            "pay": 12,
            "action.close": { "few": "x", "other": "Close" },
            "action.done": { "one": "Done" },
            "fr": { "fr": { "pay": "no" }, "action.close": "Fermer" },
            "not a tag": {},
            "result.reference": "Ref",
        }));
        problems.sort_by_key(ToString::to_string);
        let mut expected = vec![
            StringsError::NotText("action.close".into()),
            StringsError::NotText("action.done".into()),
            StringsError::UnknownKey("fr".into()),
            StringsError::UnknownKey("not a tag".into()),
            StringsError::NotText("pay".into()),
            StringsError::UnknownKey("pay.buton".into()),
        ];
        expected.sort_by_key(ToString::to_string);
        assert_eq!(problems, expected);
        let french = [String::from("fr")];
        let close = overrides.find(&french, Key::Close).unwrap();
        assert_eq!(close, [(PluralCategory::Other, "Fermer".to_owned())]);
        assert!(overrides.find(&french, Key::Reference).is_some());
        assert_eq!(overrides.find(&french, Key::Done), None);
        assert_eq!(overrides.find(&french, Key::Pay), None);
        assert_eq!(Overrides::parse(&json!(["pay"])).1, vec![StringsError::NotAnObject]);
        assert!(Overrides::parse(&Value::Null).1.is_empty());
    }

    #[test]
    fn language_tags_are_told_from_other_names() {
        for tag in ["fr", "fr-CD", "pt_BR", "sw-KE", "zh-Hant-TW", "ckb"] {
            assert!(is_language_tag(tag), "{tag}");
        }
        for name in ["", "f", "french", "fr-", "fr--CD", "pay.amount", "fr CD", "12"] {
            assert!(!is_language_tag(name), "{name}");
        }
    }
}
