//! The hosted payment page at `pp_url`: the customer pays or cancels, and
//! is sent back to the merchant's `extra.return_url`.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::Simulator;

pub fn url(origin: &str, token: &str) -> String {
    format!("{origin}/universal/pp/{token}")
}

pub async fn show(Path(token): Path<String>) -> Response {
    let safe: String = token.chars().filter(char::is_ascii_alphanumeric).collect();
    let page = format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sandbox payment page</title></head>
<body><main><h1>Sandbox payment page</h1>
<p>This page stands in for the provider's own. Choose what the customer does.</p>
<form method="post" action="/universal/pp/{safe}/pay"><button type="submit">Pay</button></form>
<form method="post" action="/universal/pp/{safe}/cancel"><button type="submit">Cancel</button></form>
</main></body></html>"#
    );
    ([(header::CACHE_CONTROL, "no-store")], Html(page)).into_response()
}

pub async fn choose(
    State(simulator): State<Arc<Simulator>>,
    Path((token, choice)): Path<(String, String)>,
) -> Response {
    let paid = match choice.as_str() {
        "pay" => true,
        "cancel" => false,
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    match simulator.finish_on_page(&token, paid) {
        Some((_, Some(return_url))) => Redirect::to(&return_url).into_response(),
        Some((order_id, None)) => Html(format!(
            "<p>Done: order {order_id} is {}.</p>",
            if paid { "paid" } else { "cancelled" }
        ))
        .into_response(),
        None => (StatusCode::NOT_FOUND, "this payment page is no longer open").into_response(),
    }
}
