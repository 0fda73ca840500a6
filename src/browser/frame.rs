//! Opening a gateway's hosted checkout in a frame with a form POST: the
//! client token travels in the request body, never in a URL the page, its
//! history or its logs could keep.

use wasm_bindgen::JsCast;
use web_sys::{HtmlFormElement, HtmlInputElement, Node};

use super::error::BrowserError;

/// Posts `fields` to `action` into the frame named `frame_name`, from a
/// form placed under `parent` (the frame's own tree) and removed at once.
pub fn post_into_frame(
    parent: &Node,
    frame_name: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> Result<(), BrowserError> {
    let frame = |cause| BrowserError::Frame { cause };
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| frame("no document".into()))?;
    let form: HtmlFormElement = document
        .create_element("form")
        .map_err(frame)?
        .unchecked_into();
    form.set_method("post");
    form.set_action(action);
    form.set_target(frame_name);
    form.set_hidden(true);
    for (name, value) in fields {
        let input: HtmlInputElement = document
            .create_element("input")
            .map_err(frame)?
            .unchecked_into();
        input.set_type("hidden");
        input.set_name(name);
        input.set_value(value);
        form.append_child(&input).map_err(frame)?;
    }
    parent.append_child(&form).map_err(frame)?;
    let submitted = form.submit().map_err(frame);
    form.remove();
    submitted
}
