//! The sandbox's routes, request in and response out, without a socket.

use std::fs;
use std::path::PathBuf;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use pay_sandbox::settings::Settings;
use tower::ServiceExt;

/// A throwaway `dist/` and `pkg/` with one known file each.
fn settings_with_files(test: &str) -> Settings {
    let root: PathBuf =
        std::env::temp_dir().join(format!("pay-sandbox-{test}-{}", std::process::id()));
    let (dist_dir, pkg_dir) = (root.join("dist"), root.join("pkg"));
    fs::create_dir_all(&dist_dir).unwrap();
    fs::create_dir_all(&pkg_dir).unwrap();
    fs::write(dist_dir.join("index.html"), "<pay-checkout></pay-checkout>").unwrap();
    fs::write(pkg_dir.join("index.js"), "export const defineCheckout = 1;").unwrap();
    Settings {
        dist_dir,
        pkg_dir,
        ..Settings::from_lookup(|_| None).unwrap()
    }
}

async fn get(settings: &Settings, uri: &str) -> (StatusCode, Option<String>, String) {
    let response = pay_sandbox::app(settings)
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|value| value.to_str().unwrap().to_owned());
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        content_type,
        String::from_utf8_lossy(&body).into_owned(),
    )
}

#[tokio::test]
async fn health_answers_ok() {
    let settings = settings_with_files("health");
    let (status, content_type, body) = get(&settings, "/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type.as_deref(), Some("application/json"));
    assert_eq!(body, r#"{"status":"ok","service":"pay-sandbox"}"#);
}

#[tokio::test]
async fn serves_the_demo_page_at_the_root() {
    let settings = settings_with_files("root");
    let (status, content_type, body) = get(&settings, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type.as_deref(), Some("text/html"));
    assert_eq!(body, "<pay-checkout></pay-checkout>");
}

#[tokio::test]
async fn serves_the_package_under_pkg_with_a_module_mime_type() {
    let settings = settings_with_files("pkg");
    let (status, content_type, body) = get(&settings, "/pkg/index.js").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type.as_deref(), Some("text/javascript"));
    assert_eq!(body, "export const defineCheckout = 1;");

    let (status, _, _) = get(&settings, "/pkg/missing.js").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_page_route_falls_back_to_the_demo_page() {
    // Hosted checkouts redirect back to paths such as /return?session_id=…
    let settings = settings_with_files("fallback");
    let (status, _, body) = get(&settings, "/return?session_id=cs_1").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, "<pay-checkout></pay-checkout>");
}

#[tokio::test]
async fn demo_pages_carry_the_strict_content_security_policy() {
    let settings = settings_with_files("csp");
    for uri in ["/", "/return?session_id=cs_1"] {
        let response = pay_sandbox::app(&settings)
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let policy = response.headers().get("content-security-policy").unwrap();
        assert_eq!(
            policy.to_str().unwrap(),
            pay_sandbox::static_files::DEMO_CONTENT_SECURITY_POLICY
        );
        let policy = policy.to_str().unwrap();
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval';"));
        assert!(!policy.contains("unsafe-inline"));
    }
}
