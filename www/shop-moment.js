// A merchant page using the npm package's Moment-style API, as its
// README shows: the client token and the session status come from the
// merchant backend. Every callback is listed on the page (and kept in
// window.calls for the end-to-end tests).
import { createCheckout } from "/pkg/index.js";

window.calls = [];
const record = (name) => (detail) => {
  window.calls.push({ name, detail });
  const item = document.createElement("li");
  item.textContent = `${name} ${JSON.stringify(detail)}`;
  document.getElementById("calls").append(item);
};
const here = `${location.origin}${location.pathname}`;
const checkout = createCheckout({
  clientKey: new URLSearchParams(location.search).get("clientKey") ?? "pk_test_sandbox",
  apiBase: "/moment",
  amount: "100.00",
  currency: "ZAR",
  fetchClientToken: async () => {
    window.tokenRequests = (window.tokenRequests ?? 0) + 1;
    const answer = await fetch("/merchant/moment/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ amount: 10000, currency: "ZAR", successUrl: `${here}?session_id={SESSION_ID}` }),
    });
    return (await answer.json()).client_token;
  },
  fetchSessionStatus: async (sessionId) => {
    const answer = await fetch(`/merchant/moment/session-status?session_id=${encodeURIComponent(sessionId)}`);
    return answer.json();
  },
  onSuccess: record("onSuccess"),
  onFailure: record("onFailure"),
  onCancel: record("onCancel"),
  onAttemptFailed: record("onAttemptFailed"),
  onExpired: record("onExpired"),
  onError: record("onError"),
});
document.getElementById("pay").addEventListener("click", () => checkout.launch());
window.checkout = checkout;
