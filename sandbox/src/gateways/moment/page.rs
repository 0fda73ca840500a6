//! The hosted checkout, as the element shows it inside its sheet, and the
//! authentication page a payment can need.
//!
//! The element opens the checkout with a form POST into its frame, so the
//! client token travels in a request body, never in a URL. Each page tells
//! the embedding page what happened with `postMessage`, addressed to the
//! origin the element named (never `*`).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use pay_checkout::core::redirect::origin_of;
use pay_checkout::core::validation::is_e164;
use serde::Deserialize;
use serde_json::{json, Value};

use super::{PaymentSession, Simulator, MAX_ATTEMPTS};
use crate::gateways::request_origin;

/// What the element posts to open the checkout, and every later form.
#[derive(Deserialize)]
pub struct Opening {
    client_token: String,
    parent_origin: String,
    #[serde(default)]
    phone: Option<String>,
}

/// Text safe inside HTML and attribute values.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn page(title: &str, body: &str) -> Response {
    let html = format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title></head><body><main><h1>{title}</h1>{body}</main></body></html>"#
    );
    ([(header::CACHE_CONTROL, "no-store")], Html(html)).into_response()
}

/// A script that hands `message` to the embedding page at `parent_origin`.
fn tell_parent(parent_origin: &str, message: Value) -> String {
    let message = message.to_string().replace("</", "<\\/");
    let origin = json!(parent_origin).to_string().replace("</", "<\\/");
    format!("<script>window.parent.postMessage({message}, {origin});</script>")
}

fn refused(text: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Html(format!("<p>{}</p>", escape(text))),
    )
        .into_response()
}

/// The pay form, with the last number tried and why it did not go through.
fn checkout_form(session: &PaymentSession, opening: &Opening, problem: Option<&str>) -> String {
    let problem = problem
        .map(|text| format!(r#"<p role="alert">{}</p>"#, escape(text)))
        .unwrap_or_default();
    format!(
        r#"<p>Amount: {}.{:02} {}</p>{problem}
<form method="post" action="/moment/checkout/{}/pay">
<input type="hidden" name="client_token" value="{}"><input type="hidden" name="parent_origin" value="{}">
<label for="phone">Mobile money number</label>
<input id="phone" name="phone" type="tel" autocomplete="tel" inputmode="tel" required value="{}">
<button type="submit">Pay</button></form>
<p><small>Sandbox: +243998857000 pays; a number ending 0002 is declined; ending 0005 asks for authentication.</small></p>"#,
        session.amount / 100,
        session.amount % 100,
        session.currency,
        session.id,
        escape(&opening.client_token),
        escape(&opening.parent_origin),
        escape(opening.phone.as_deref().unwrap_or_default()),
    )
}

/// The page for a session that can no longer be paid, telling the element.
fn ended(session: &PaymentSession, opening: &Opening) -> Response {
    let message = json!({ "type": format!("moment.{}", session.status), "session_id": session.id });
    let body = format!(
        "<p>This payment session is {}.</p>{}",
        session.status,
        tell_parent(&opening.parent_origin, message)
    );
    page("Moment sandbox checkout", &body)
}

/// Checks the token and the embedding origin; the session id on success.
fn admit(simulator: &Simulator, opening: &Opening) -> Result<String, &'static str> {
    let origin = origin_of(&opening.parent_origin).ok();
    if origin.as_deref() != Some(opening.parent_origin.to_ascii_lowercase().as_str()) {
        return Err("parent_origin must be the embedding page's origin");
    }
    simulator
        .id_for_token(&opening.client_token)
        .ok_or("unknown client token")
}

/// `POST /moment/checkout` (client_token, parent_origin): the checkout.
pub async fn open(
    State(simulator): State<Arc<Simulator>>,
    Form(opening): Form<Opening>,
) -> Response {
    let id = match admit(&simulator, &opening) {
        Ok(id) => id,
        Err(refusal) => return refused(refusal),
    };
    let session = simulator.with_session(&id, |session| session.clone());
    match session {
        Some(session) if session.status == "open" => {
            let opened = json!({ "type": "moment.opened", "session_id": session.id });
            let body = checkout_form(&session, &opening, None)
                + &tell_parent(&opening.parent_origin, opened);
            page("Moment sandbox checkout", &body)
        }
        Some(session) => ended(&session, &opening),
        None => refused("unknown payment session"),
    }
}

/// What a pay attempt led to.
enum Attempt {
    Invalid,
    Declined,
    Failed,
    Authenticate,
    Completed,
    Closed,
}

/// `POST /moment/checkout/{id}/pay`: the sandbox test data decide.
pub async fn pay(
    State(simulator): State<Arc<Simulator>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Form(opening): Form<Opening>,
) -> Response {
    match admit(&simulator, &opening) {
        Ok(token_id) if token_id == id => {}
        Ok(_) => return refused("the client token is for another session"),
        Err(refusal) => return refused(refusal),
    }
    let phone: String = opening
        .phone
        .as_deref()
        .unwrap_or_default()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .collect();
    let outcome = simulator.with_session(&id, |session| {
        let attempt = if session.status != "open" {
            Attempt::Closed
        } else if !is_e164(&phone) {
            Attempt::Invalid
        } else if phone.ends_with("0002") {
            session.failed_attempts += 1;
            if session.failed_attempts >= MAX_ATTEMPTS {
                session.status = "failed";
                Attempt::Failed
            } else {
                Attempt::Declined
            }
        } else if phone.ends_with("0005") {
            Attempt::Authenticate
        } else {
            session.status = "completed";
            Attempt::Completed
        };
        (attempt, session.clone())
    });
    let Some((attempt, session)) = outcome else {
        return refused("unknown payment session");
    };
    let tell = |message: Value| tell_parent(&opening.parent_origin, message);
    let body = match attempt {
        Attempt::Invalid => checkout_form(
            &session,
            &opening,
            Some("Enter the number in international format, e.g. +243998857000."),
        ),
        Attempt::Declined => {
            let reason = "Declined: insufficient funds. Try another number.";
            let message = json!({ "type": "moment.attempt_failed", "session_id": id, "reason": "insufficient_funds", "message": reason });
            format!(
                "{}{}",
                checkout_form(&session, &opening, Some(reason)),
                tell(message)
            )
        }
        Attempt::Authenticate => {
            let url = format!("{}/moment/authenticate/{id}", request_origin(&headers));
            let message = json!({ "type": "moment.redirect", "session_id": id, "url": url });
            format!(
                r#"<p>Your bank asks you to confirm this payment on its page.</p><p><a href="{url}" target="_top">Continue</a></p>{}"#,
                tell(message)
            )
        }
        Attempt::Completed => {
            let message = json!({ "type": "moment.completed", "session_id": id });
            format!("<p>Payment received. Thank you.</p>{}", tell(message))
        }
        Attempt::Failed | Attempt::Closed => return ended(&session, &opening),
    };
    page("Moment sandbox checkout", &body)
}

/// `GET /moment/authenticate/{id}`: the customer confirms or refuses.
pub async fn authentication(
    State(simulator): State<Arc<Simulator>>,
    Path(id): Path<String>,
) -> Response {
    let Some(status) = simulator.with_session(&id, |session| session.status) else {
        return (StatusCode::NOT_FOUND, "no such payment session").into_response();
    };
    let body = if status == "open" {
        format!(
            r#"<p>Confirm the payment to continue.</p>
<form method="post" action="/moment/authenticate/{id}/approve"><button type="submit">Approve</button></form>
<form method="post" action="/moment/authenticate/{id}/decline"><button type="submit">Decline</button></form>"#
        )
    } else {
        format!("<p>This payment session is {status}.</p>")
    };
    page("Sandbox bank authentication", &body)
}

/// Approve completes the session, Decline fails it; both return the
/// customer to `success_url` with `{SESSION_ID}` replaced.
pub async fn authenticated(
    State(simulator): State<Arc<Simulator>>,
    Path((id, choice)): Path<(String, String)>,
) -> Response {
    let target = simulator.with_session(&id, |session| {
        if session.status != "open" {
            return None;
        }
        session.status = match choice.as_str() {
            "approve" => "completed",
            "decline" => "failed",
            _ => return None,
        };
        Some(session.return_url())
    });
    match target.flatten() {
        Some(Some(url)) => Redirect::to(&url).into_response(),
        Some(None) => page(
            "Sandbox bank authentication",
            "<p>Done. You may close this page.</p>",
        ),
        None => (StatusCode::NOT_FOUND, "this payment session is not open").into_response(),
    }
}
