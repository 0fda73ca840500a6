//! The element's stylesheet, minified as the element's own `build.rs`
//! minifies it, for `styles()` to include.

#[path = "../../build/minify_css.rs"]
mod minify_css;

fn main() {
    minify_css::write_to_out_dir("../../src/ui/checkout.css", "../../build/minify_css.rs");
}
