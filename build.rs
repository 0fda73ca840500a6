//! Writes the element's stylesheet, minified, where `ui::STYLES` includes
//! it from: the source keeps its comments, the module does not carry them.

#[path = "build/minify_css.rs"]
mod minify_css;

fn main() {
    minify_css::write_to_out_dir("src/ui/checkout.css", "build/minify_css.rs");
}
