//! `<pay-checkout>`: one [`CheckoutHandle`] per element, driven by the shim.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use super::error::BrowserError;
use super::events::{dispatch_soon, EventSink};
use super::host::HostElement;
use crate::core::config::{CheckoutConfig, ConfigError, OBSERVED_ATTRIBUTES};
use crate::core::events::{CheckoutEvent, ErrorDetail, ReadyDetail};
use crate::core::gateway::Gateway;
use crate::core::i18n::Overrides;
use crate::core::json::{parse, JsonError, Value};
use crate::core::payment_body::{ElementProperties, PayConfig, PaymentBody};
use crate::ui::{Checkout, Command, Commands, STYLES};

#[wasm_bindgen(module = "/src/browser/element.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = defineElement)]
    fn define_element_class(
        tag_name: &str,
        observed_attributes: Vec<String>,
        css_text: &str,
        create_handle: &Closure<dyn Fn(HtmlElement, HtmlElement) -> CheckoutHandle>,
    ) -> Result<bool, JsValue>;
}

pub fn define(tag_name: &str) -> Result<bool, BrowserError> {
    // The factory lives as long as the element class does: for the page.
    let create_handle =
        Closure::<dyn Fn(HtmlElement, HtmlElement) -> CheckoutHandle>::new(CheckoutHandle::new);
    let observed = OBSERVED_ATTRIBUTES
        .iter()
        .map(|name| name.to_string())
        .collect();
    let defined =
        define_element_class(tag_name, observed, STYLES, &create_handle).map_err(|cause| {
            BrowserError::Define {
                tag_name: tag_name.to_owned(),
                cause,
            }
        })?;
    if defined {
        create_handle.forget();
    }
    Ok(defined)
}

type ConfigResult = Result<CheckoutConfig, ConfigError>;

/// What the element last told the page, so each state is announced once.
#[derive(Clone, PartialEq)]
enum Announced {
    Nothing,
    /// Ready, with the attributes ignored as unusable (each told once).
    Ready(Vec<ConfigError>),
    Error(ConfigError),
}

/// The Rust side of one element: its configuration signal and, while the
/// element is in the document, the mounted Leptos view.
#[wasm_bindgen]
pub struct CheckoutHandle {
    host: HtmlElement,
    mount_point: HtmlElement,
    /// Reference-counted, so it needs no reactive owner and is freed with
    /// the handle; each element has its own.
    config: ArcRwSignal<ConfigResult>,
    /// `configs` and `paymentBody`, as the page last set them.
    properties: ArcRwSignal<ElementProperties>,
    /// `launch()` and `close()`, numbered so a repeat is seen as new.
    commands: ArcRwSignal<Commands>,
    mounted: RefCell<Option<UnmountHandle<AnyViewState>>>,
    announced: RefCell<Announced>,
}

#[wasm_bindgen]
impl CheckoutHandle {
    fn new(host: HtmlElement, mount_point: HtmlElement) -> CheckoutHandle {
        let config = ArcRwSignal::new(read_config(&host));
        CheckoutHandle {
            host,
            mount_point,
            config,
            properties: ArcRwSignal::new(ElementProperties::default()),
            commands: ArcRwSignal::new(Commands::default()),
            mounted: RefCell::new(None),
            announced: RefCell::new(Announced::Nothing),
        }
    }

    /// Mounts the view; when already mounted (the element moved), tells
    /// the view, whose frames the move reloaded blank.
    pub fn connected(&self) {
        if self.mounted.borrow().is_some() {
            self.commands
                .update(|commands| commands.push(Command::Moved));
            return;
        }
        self.config.set(read_config(&self.host));
        // Queued before anything the view emits: `ready` comes first.
        *self.announced.borrow_mut() = Announced::Nothing;
        self.announce();
        let config = self.config.read_only();
        let properties = self.properties.read_only();
        let commands = self.commands.read_only();
        let sink = EventSink::new(&self.host);
        let host = HostElement::new(&self.host);
        let handle = mount_to(self.mount_point.clone(), move || {
            // Arena signals for the views, owned by the mount: Copy, and
            // one signal type per value where `Signal`'s wrapper would add
            // its own code.
            let (config, properties) = (ReadSignal::from(config), ReadSignal::from(properties));
            provide_context(sink);
            provide_context(host);
            provide_context(ReadSignal::from(commands));
            view! { <Checkout config properties /> }
                .into_any()
        });
        *self.mounted.borrow_mut() = Some(handle);
    }

    /// Unmounts the view and disposes its reactive state.
    pub fn disconnected(&self) {
        // Take first, so the view's cleanup runs with no borrow held.
        let mounted = self.mounted.borrow_mut().take();
        drop(mounted);
    }

    /// `launch()` or `close()` on the element.
    pub fn command(&self, name: String) {
        let command = match name.as_str() {
            "launch" => Command::Launch,
            "close" => Command::Close,
            _ => return,
        };
        self.commands.update(|commands| commands.push(command));
    }

    /// `reset()`: the view is rebuilt from the first step.
    pub fn reset(&self) {
        if self.mounted.borrow().is_some() {
            self.disconnected();
            self.connected();
        }
    }

    /// The page set `configs`, `paymentBody` or one of its functions.
    #[wasm_bindgen(js_name = propertyChanged)]
    pub fn property_changed(&self, name: String, value: JsValue) {
        if let Err(error) = self.set_property(&name, value) {
            self.report_property_problem(error.to_string());
        }
    }

    /// Re-reads the configuration; the view follows the signal.
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&self, _name: String) {
        self.config.set(read_config(&self.host));
        if self.mounted.borrow().is_some() {
            self.announce();
        }
    }
}

impl CheckoutHandle {
    fn report_property_problem(&self, message: String) {
        let detail = ErrorDetail::new(gateway_hint(&self.host), "CONFIG_ERROR", message, false);
        dispatch_soon(&self.host, CheckoutEvent::Error(detail));
    }

    /// Reads a property the page set; a value of the wrong shape leaves the
    /// previous one in place and is reported as a `CONFIG_ERROR`.
    fn set_property(&self, name: &str, value: JsValue) -> Result<(), BrowserError> {
        let empty = value.is_undefined() || value.is_null();
        match name {
            "configs" => {
                let configs = if empty {
                    PayConfig::default()
                } else {
                    read_js("configs", value, |json| PayConfig::from_json(&json))?
                };
                self.properties
                    .update(|properties| properties.configs = configs);
            }
            "paymentBody" => {
                let body = if empty {
                    PaymentBody::default()
                } else {
                    read_js("paymentBody", value, |json| PaymentBody::from_json(&json))?
                };
                self.properties
                    .update(|properties| properties.payment_body = body);
            }
            "strings" => {
                let value = if empty {
                    Value::Null
                } else {
                    read_js("strings", value, Ok)?
                };
                let (overrides, problems) = Overrides::parse(&value);
                self.properties
                    .update(|properties| properties.strings = Arc::new(overrides));
                // The valid entries apply; each problem is reported.
                for problem in problems {
                    self.report_property_problem(problem.to_string());
                }
            }
            // Read when needed (see `HostElement`); only the shape is checked.
            "fetchClientToken" if !empty && !value.is_function() => {
                return Err(BrowserError::NotAFunction("fetchClientToken"));
            }
            "fetchSessionStatus" if !empty && !value.is_function() => {
                return Err(BrowserError::NotAFunction("fetchSessionStatus"));
            }
            _ => {}
        }
        Ok(())
    }

    /// `ready` once the configuration is usable, `error` for each new
    /// configuration problem; nothing for a change that alters neither.
    fn announce(&self) {
        let next = match &*self.config.read_untracked() {
            Ok(config) => Announced::Ready(config.ignored.clone()),
            Err(error) => Announced::Error(error.clone()),
        };
        let mut announced = self.announced.borrow_mut();
        if *announced == next {
            return;
        }
        let gateway = gateway_hint(&self.host);
        let config_error = |error| CheckoutEvent::Error(ErrorDetail::from_config_error(gateway, error));
        match (&*announced, &next) {
            (Announced::Ready(told), Announced::Ready(ignored)) => {
                for problem in ignored.iter().filter(|problem| !told.contains(problem)) {
                    dispatch_soon(&self.host, config_error(problem));
                }
            }
            (_, Announced::Ready(ignored)) => {
                dispatch_soon(&self.host, CheckoutEvent::Ready(ReadyDetail { gateway }));
                for problem in ignored {
                    dispatch_soon(&self.host, config_error(problem));
                }
            }
            (_, Announced::Error(error)) => dispatch_soon(&self.host, config_error(error)),
            (_, Announced::Nothing) => {}
        }
        *announced = next;
    }
}

/// A property's value as JSON (what `JSON.stringify` makes of it), handed
/// to `read`: one JSON reader for the properties and the gateways' answers
/// alike (a second, such as serde-wasm-bindgen, would carry its own copy of
/// every type's reading code into the wasm).
fn read_js<T>(
    property: &'static str,
    value: JsValue,
    read: impl FnOnce(Value) -> Result<T, JsonError>,
) -> Result<T, BrowserError> {
    let text = js_sys::JSON::stringify(&value)
        .map_err(|cause| BrowserError::NotPlainData { property, cause })?
        .as_string()
        .ok_or(BrowserError::NotPlainData {
            property,
            cause: value,
        })?;
    parse(&text)
        .and_then(read)
        .map_err(|cause| BrowserError::Property { property, cause })
}

fn read_config(host: &HtmlElement) -> ConfigResult {
    CheckoutConfig::from_attributes(|name| host.get_attribute(name))
}

/// The gateway to name in an error event, even when the configuration as a
/// whole is invalid: the attribute if it parses, else the default.
fn gateway_hint(host: &HtmlElement) -> Gateway {
    host.get_attribute("gateway")
        .and_then(|value| value.parse().ok())
        .unwrap_or_default()
}
