//! The stylesheet as the module carries it: `build.rs` minifies
//! `src/ui/checkout.css` with this, so that its comments (the why of each
//! rule, for whoever edits it) and its indentation cost the page nothing.
//!
//! Deliberately cautious, for a stylesheet we write ourselves: comments
//! go, whitespace runs become one space, and only the spaces that never
//! mean anything are dropped (around `{`, `}`, `;` and `,`, and after `:`).
//! A space before `:` can be a descendant combinator (`.a :hover`), and one
//! around `+` or `-` is part of `calc()`, so both are kept. Quoted strings
//! are copied as they are.

/// What a crate's `build.rs` runs: the stylesheet at `source` minified into
/// `$OUT_DIR/checkout.css`, written again when it or `this_file` (the
/// path of this file from the crate) changes.
#[allow(dead_code)] // the library's tests compile this file for `minify`
pub fn write_to_out_dir(source: &str, this_file: &str) {
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed={this_file}");
    let css = std::fs::read_to_string(source).expect("the stylesheet is readable");
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(std::path::Path::new(&out_dir).join("checkout.css"), minify(&css))
        .expect("OUT_DIR is writable");
}

/// `css` without comments and without the whitespace that means nothing.
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    // A space seen but not yet written: written only if the next character
    // needs it.
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = '\0';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            '"' | '\'' => {
                write_space(&mut out, &mut pending_space);
                out.push(c);
                let mut escaped = false;
                for inner in chars.by_ref() {
                    out.push(inner);
                    if escaped {
                        escaped = false;
                    } else if inner == '\\' {
                        escaped = true;
                    } else if inner == c {
                        break;
                    }
                }
            }
            '{' | '}' | ';' | ',' => {
                pending_space = false;
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
            }
            c => {
                write_space(&mut out, &mut pending_space);
                out.push(c);
            }
        }
    }
    out
}

/// Writes the pending space, unless nothing is written yet or the last
/// character needs no space after it (so the whitespace after `{`, `;`,
/// `,` or `:` is dropped here too).
fn write_space(out: &mut String, pending_space: &mut bool) {
    if std::mem::take(pending_space) && !out.is_empty() && !out.ends_with(['{', '}', ';', ',', ':']) {
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn comments_and_indentation_go() {
        let css = "/* the host */\n:host {\n  color: red;\n  /* why */\n  margin: 0 auto;\n}\n";
        assert_eq!(minify(css), ":host{color:red;margin:0 auto}");
    }

    #[test]
    fn selector_lists_and_declarations_lose_their_padding() {
        assert_eq!(minify("a , b {\n  x : 1 ;\n}\n"), "a,b{x :1}");
        assert_eq!(minify("@media (min-width: 40rem) {\n  .a { x: 1; }\n}"), "@media (min-width:40rem){.a{x:1}}");
    }

    #[test]
    fn a_space_that_is_a_combinator_or_an_operator_stays() {
        assert_eq!(minify(".checkout > :not(.sheet) { x: 1 }"), ".checkout > :not(.sheet){x:1}");
        assert_eq!(minify(".field :focus { x: 1 }"), ".field :focus{x:1}");
        assert_eq!(minify("a { width: calc(100% - 2 * var(--s)); }"), "a{width:calc(100% - 2 * var(--s))}");
    }

    #[test]
    fn strings_are_copied_as_written() {
        let css = "a::after { content: \"  /* no comment */ ; \\\" }\"; font: 1rem 'Segoe UI'; }";
        assert_eq!(minify(css), "a::after{content:\"  /* no comment */ ; \\\" }\";font:1rem 'Segoe UI'}");
    }

    #[test]
    fn the_shipped_stylesheet_keeps_every_rule_and_drops_every_comment() {
        let source = include_str!("../src/ui/checkout.css");
        let minified = minify(source);
        assert!(!minified.contains("/*") && !minified.contains('\n'));
        assert!(minified.len() < source.len() * 85 / 100, "{} of {} bytes", minified.len(), source.len());
        let opened = |css: &str| css.matches('{').count();
        assert_eq!(opened(&minified), opened(source));
        for kept in [":host([theme=\"dark\"]){", "calc(var(--pc-radius) / 2)", "content:\":\"", "@keyframes pay-checkout-spin{"] {
            assert!(minified.contains(kept), "{kept}");
        }
    }
}
