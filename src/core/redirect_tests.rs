use super::*;

const OWN: &str = "http://127.0.0.1:8080";

fn allowed() -> Vec<String> {
    allowed_origins(
        Gateway::Paygate,
        &[
            "https://pp.domain.example".to_owned(),
            " https://pay.shop.example:8443 ".to_owned(),
            "http://insecure.example".to_owned(),
        ],
    )
}

fn not_listed(origin: &str) -> Result<(), RedirectRefusal> {
    Err(RedirectRefusal::NotListed {
        origin: origin.to_owned(),
    })
}

fn not_https(origin: &str) -> Result<(), RedirectRefusal> {
    Err(RedirectRefusal::NotHttps {
        origin: origin.to_owned(),
    })
}

#[test]
fn payment_page_addresses_table() {
    use RedirectRefusal::*;
    let too_long = format!("https://pp.domain.example/{}", "a".repeat(2100));
    let cases: Vec<(&str, Result<(), RedirectRefusal>)> = vec![
        // Followed.
        ("http://127.0.0.1:8080/universal/pp/abc", Ok(())),
        ("HTTP://127.0.0.1:8080/paygate/checkout/1", Ok(())),
        ("https://pp.domain.example/cdeffe6210c7/****", Ok(())),
        ("https://pp.domain.example:443/x", Ok(())),
        ("HTTPS://PP.DOMAIN.EXAMPLE/x", Ok(())),
        (
            "https://paygate.44.200.142.19.nip.io/checkout/cs_abc123def456",
            Ok(()),
        ),
        ("https://pay.shop.example:8443/pay", Ok(())),
        ("https://pp.domain.example/pay?email=a@b.example", Ok(())),
        (
            "https://pp.domain.example/back?to=https://evil.example",
            Ok(()),
        ),
        // Other schemes.
        ("javascript:alert(1)", Err(NotHttpUrl)),
        ("JaVaScRiPt:alert(document.cookie)", Err(NotHttpUrl)),
        ("data:text/html,<script>alert(1)</script>", Err(NotHttpUrl)),
        ("data:text/html;base64,PHNjcmlwdD4=", Err(NotHttpUrl)),
        ("vbscript:msgbox(1)", Err(NotHttpUrl)),
        ("ftp://pp.domain.example/", Err(NotHttpUrl)),
        ("//pp.domain.example/x", Err(NotHttpUrl)),
        ("https:pp.domain.example/x", Err(NotHttpUrl)),
        ("https:///evil.example", Err(NotHttpUrl)),
        ("https://:443/", Err(NotHttpUrl)),
        ("", Err(NotHttpUrl)),
        // Plain http, even to a listed host.
        (
            "http://pp.domain.example/x",
            not_https("http://pp.domain.example"),
        ),
        (
            "http://insecure.example/",
            not_https("http://insecure.example"),
        ),
        ("http://127.0.0.1:8081/", not_https("http://127.0.0.1:8081")),
        // Look-alike hosts and other ports.
        (
            "https://pp.domain.example.evil.example/",
            not_listed("https://pp.domain.example.evil.example"),
        ),
        (
            "https://evil-pp.domain.example/",
            not_listed("https://evil-pp.domain.example"),
        ),
        (
            "https://pp.d\u{43e}main.example/",
            not_listed("https://pp.d\u{43e}main.example"),
        ),
        (
            "https://xn--pp-dmain-7nf.example/",
            not_listed("https://xn--pp-dmain-7nf.example"),
        ),
        (
            "https://pp.domain.example:8443/",
            not_listed("https://pp.domain.example:8443"),
        ),
        (
            "https://127.0.0.1:8080/",
            not_listed("https://127.0.0.1:8080"),
        ),
        (
            "https://evil.example#@pp.domain.example",
            not_listed("https://evil.example"),
        ),
        (
            "https://evil.example?@pp.domain.example",
            not_listed("https://evil.example"),
        ),
        // User names, and what a browser would read differently.
        ("https://pp.domain.example@evil.example/", Err(UserInfo)),
        ("https://user:pass@pp.domain.example/", Err(UserInfo)),
        ("https://pp.domain.example%2F@evil.example", Err(UserInfo)),
        ("https://pp.domain.example\\@evil.example/", Err(Ambiguous)),
        ("https://pp%2Edomain.example/", Err(Ambiguous)),
        ("https://pp.domain.example\t.evil.example/", Err(Ambiguous)),
        ("https://pp.domain.example\n/", Err(Ambiguous)),
        (" https://pp.domain.example/", Err(Ambiguous)),
        (&too_long, Err(TooLong)),
    ];
    assert!(cases.len() >= 25);
    for (url, expected) in cases {
        assert_eq!(
            check_payment_page(url, OWN, &allowed()),
            expected,
            "{url:?}"
        );
    }
}

#[test]
fn only_paygate_documents_its_payment_page_origin() {
    let paygate_page = "https://paygate.44.200.142.19.nip.io/checkout/cs_1";
    for gateway in [
        Gateway::Universal,
        Gateway::Moment,
        Gateway::Pdirect,
        Gateway::Invoice,
    ] {
        assert!(
            check_payment_page(paygate_page, OWN, &allowed_origins(gateway, &[])).is_err(),
            "{gateway}"
        );
    }
    assert!(check_payment_page(paygate_page, OWN, &allowed_origins(Gateway::Paygate, &[])).is_ok());
}

#[test]
fn origins_are_written_as_browsers_write_them() {
    assert_eq!(
        origin_of("https://PP.example.com:443/x?y").as_deref(),
        Ok("https://pp.example.com")
    );
    assert_eq!(
        origin_of("http://127.0.0.1:80/").as_deref(),
        Ok("http://127.0.0.1")
    );
    assert_eq!(
        origin_of("http://127.0.0.1:8080/universal/pp/1").as_deref(),
        Ok("http://127.0.0.1:8080")
    );
    assert_eq!(
        origin_of("https://[::1]:8443/").as_deref(),
        Ok("https://[::1]:8443")
    );
}

#[test]
fn refusals_say_why() {
    let refusal = check_payment_page("http://evil.example/", OWN, &[]).unwrap_err();
    assert_eq!(refusal.to_string(), "http://evil.example is not https");
    let refusal = check_payment_page("https://evil.example/", OWN, &[]).unwrap_err();
    assert_eq!(
        refusal.to_string(),
        "https://evil.example is not an allowed payment page origin"
    );
}
