//! The real binary: listens on loopback, answers, and stops cleanly on
//! Ctrl-C (SIGINT) and SIGTERM.
#![cfg(unix)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// Starts the sandbox on a free port and returns it with that port.
fn start() -> (Child, u16) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pay-sandbox"))
        .env("PORT", "0")
        .env("NO_COLOR", "1")
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the sandbox starts");
    let stdout = child.stdout.take().unwrap();
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
                let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
                let _ = sender.send(port.parse::<u16>().unwrap());
            }
        }
    });
    let port = receiver
        .recv_timeout(Duration::from_secs(20))
        .expect("the sandbox logs its address");
    (child, port)
}

fn get_health(port: u16) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

fn stop_with(signal: &str, mut child: Child) {
    let status = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    for _ in 0..100 {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "clean exit after {signal}, got {status}");
            return;
        }
        thread::sleep(Duration::from_millis(50));
    }
    child.kill().unwrap();
    panic!("the sandbox did not stop within 5 s of {signal}");
}

#[test]
fn serves_health_then_stops_on_ctrl_c() {
    let (child, port) = start();
    let response = get_health(port);
    assert!(response.starts_with("HTTP/1.1 200 OK"), "{response}");
    assert!(
        response.ends_with(r#"{"status":"ok","service":"pay-sandbox"}"#),
        "{response}"
    );
    stop_with("-INT", child);
}

#[test]
fn stops_on_sigterm() {
    let (child, port) = start();
    assert!(get_health(port).starts_with("HTTP/1.1 200 OK"));
    stop_with("-TERM", child);
}
