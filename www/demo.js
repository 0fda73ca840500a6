// The demo shows one gateway at a time: ?gateway=universal (invoice,
// paygate, moment) switches the element before it starts: this module sets
// the page up, then loads the element from the npm package at /pkg/.
import { defineCheckout } from "/pkg/index.js";

const GATEWAYS = {
  universal: {
    gateway: "universal",
    amount: "100.00",
    currency: "KES",
    "api-base": "/merchant/universal",
  },
  paygate: {
    gateway: "paygate",
    amount: "50.00",
    currency: "GHS",
    "api-base": "/merchant/paygate",
  },
  invoice: {
    gateway: "invoice",
    currency: "USD",
    "api-base": "/merchant/invoice",
    "status-timeout": "120",
  },
  moment: {
    gateway: "moment",
    presentation: "sheet",
    amount: "100.00",
    currency: "ZAR",
    "api-base": "/moment",
    "session-url": "/merchant/moment/session",
  },
};
const chosen = GATEWAYS[new URLSearchParams(location.search).get("gateway")];
if (!chosen) {
  // PDirect tells the shop's backend the outcome too: its receiver fulfils
  // the order once, however often the webhook arrives.
  document.querySelector("pay-checkout").paymentBody = {
    notifyUrl: `${location.origin}/merchant/webhooks/pdirect`,
  };
}
if (chosen) {
  const element = document.querySelector("pay-checkout");
  element.removeAttribute("session-url");
  for (const [name, value] of Object.entries(chosen)) element.setAttribute(name, value);
  document.querySelector("#gateway-name").textContent = chosen.gateway;
  if (chosen.gateway === "invoice") {
    // The shop invoices its cart (the backend's sample one): the order id
    // lives as long as the tab, so a reload finds the same checkout.
    element.removeAttribute("amount");
    let order = sessionStorage.getItem("pay-checkout-demo:order");
    if (!order) {
      order = `order-${crypto.randomUUID()}`;
      sessionStorage.setItem("pay-checkout-demo:order", order);
    }
    element.setAttribute("customer-reference", order);
  }
  if (chosen.gateway === "moment") {
    // Back from the bank's page with ?session_id=: the merchant backend says
    // how the session ended.
    element.fetchSessionStatus = async (sessionId) => {
      const answer = await fetch(`/merchant/moment/session-status?session_id=${encodeURIComponent(sessionId)}`);
      return answer.json();
    };
  }
}

// Lists every event of the checkout elements as a page's own script would
// receive them: one listener on document, thanks to bubbles + composed.
const EVENTS = ["ready", "step", "response", "error", "complete"];
const log = document.getElementById("event-log");

for (const type of EVENTS) {
  document.addEventListener(type, (event) => {
    if (!(event instanceof CustomEvent)) return;
    const item = document.createElement("li");
    item.dataset.event = type;
    item.textContent = `${type} ${JSON.stringify(event.detail)}`;
    log.append(item);
  });
}

// Sandbox faults: the next collect request fails the chosen way.
const faultStatus = document.getElementById("fault-status");
for (const button of document.querySelectorAll("button[data-fault]")) {
  button.addEventListener("click", async () => {
    const fault = button.dataset.fault;
    const answer = await fetch("/sandbox/faults", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ path: "/pdirect/api/v1/payments/collect", method: "POST", fault }),
    });
    faultStatus.textContent = answer.ok ? `Armed: ${fault} for the next payment.` : `Could not arm ${fault}.`;
  });
}

// Last: the listeners above hear the element's first events.
defineCheckout();
