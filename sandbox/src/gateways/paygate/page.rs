//! The hosted checkout page at a session's `url`: Pay completes it and goes
//! to `success_url`, Cancel goes to `cancel_url`; `{CHECKOUT_SESSION_ID}` is
//! replaced in both.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::{with_session_id, Simulator};
use crate::ids;

pub async fn show(State(simulator): State<Arc<Simulator>>, Path(id): Path<String>) -> Response {
    let Some((status, amount, currency, back)) = simulator.with_session(&id, |s| {
        let back = with_session_id(&s.cancel_url, &s.id);
        (s.status, s.amount, s.currency.clone(), back)
    }) else {
        return (StatusCode::NOT_FOUND, "no such checkout session").into_response();
    };
    let body = if status == "open" {
        format!(
            r#"<p>Amount: {}.{:02} {currency}</p>
<form method="post" action="/paygate/checkout/{id}/pay"><button type="submit">Pay</button></form>
<form method="post" action="/paygate/checkout/{id}/cancel"><button type="submit">Cancel</button></form>"#,
            amount / 100,
            amount % 100
        )
    } else {
        // The customer still needs a way back to the shop.
        let back = back.replace('&', "&amp;").replace('"', "&quot;");
        format!(
            r#"<p>This checkout session is {status}.</p><p><a href="{back}">Back to the shop</a></p>"#
        )
    };
    let page = format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>PayGate sandbox checkout</title></head><body><main><h1>PayGate sandbox checkout</h1>{body}</main></body></html>"#
    );
    ([(header::CACHE_CONTROL, "no-store")], Html(page)).into_response()
}

pub async fn choose(
    State(simulator): State<Arc<Simulator>>,
    Path((id, choice)): Path<(String, String)>,
) -> Response {
    let target = simulator.with_session(&id, |session| {
        if session.status != "open" {
            return None;
        }
        match choice.as_str() {
            "pay" => {
                session.status = "complete";
                session.payment_status = "paid";
                session.payment = Some(format!("pay_{}", ids::alphanumeric(24)));
                Some(with_session_id(&session.success_url, &session.id))
            }
            "cancel" => Some(with_session_id(&session.cancel_url, &session.id)),
            _ => None,
        }
    });
    match target.flatten() {
        Some(url) => Redirect::to(&url).into_response(),
        None => (StatusCode::NOT_FOUND, "this checkout session is not open").into_response(),
    }
}
