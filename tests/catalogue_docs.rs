//! The catalogue as merchants read it: `docs/strings.md` (every key of the
//! `strings` property, its English text and arguments) and the `MessageKey`
//! type of the package's `index.d.ts` list exactly the catalogue's keys.
//! `PAY_WRITE_DOCS=1 cargo test --test catalogue_docs` rewrites the page.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use pay_checkout::core::i18n::{placeholders, Key, Language, Message, PluralCategory};

fn english(key: Key) -> Message {
    Language::En.message(key)
}

fn page() -> String {
    let mut page = String::from(
        "# The checkout's texts\n\n\
         Every text the customer sees, by the key the `strings` property takes\n\
         (see the README's \"Languages\"). English is shown; French (`fr`),\n\
         Swahili (`sw`) and Portuguese (`pt`) have every key too. `{name}` is\n\
         an argument the element fills in; a text with a count has plural forms\n\
         (`one`, `many`, `other`). This page is checked against the catalogue by\n\
         `cargo test --test catalogue_docs`.\n\n\
         | key | English | arguments |\n|---|---|---|\n",
    );
    for &key in Key::ALL {
        let message = english(key);
        let text = match message {
            Message::Text(text) => text.to_owned(),
            Message::Plural { .. } => format!(
                "one: {} · other: {}",
                message.form(PluralCategory::One),
                message.form(PluralCategory::Other)
            ),
        };
        let args = placeholders(message.form(PluralCategory::Other))
            .iter()
            .map(|name| format!("`{name}`"))
            .collect::<Vec<_>>()
            .join(", ");
        page.push_str(&format!("| `{}` | {} | {} |\n", key.id(), text.replace('|', "\\|"), args));
    }
    page
}

#[test]
fn the_strings_page_lists_every_key() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/strings.md");
    let expected = page();
    if std::env::var_os("PAY_WRITE_DOCS").is_some() {
        fs::write(&path, &expected).unwrap();
    }
    let written = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == expected,
        "docs/strings.md is not the catalogue; rewrite it with PAY_WRITE_DOCS=1 cargo test --test catalogue_docs"
    );
}

#[test]
fn the_package_types_name_every_key() {
    let types = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("pkg-template/index.d.ts")).unwrap();
    let start = types.find("export type MessageKey =").expect("a MessageKey type");
    let end = start + types[start..].find(';').unwrap();
    let mut listed: Vec<&str> = types[start..end].split('"').skip(1).step_by(2).collect();
    let mut keys: Vec<&str> = Key::ALL.iter().map(|key| key.id()).collect();
    listed.sort_unstable();
    keys.sort_unstable();
    assert_eq!(listed, keys);
}
