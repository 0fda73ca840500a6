// The page's own code: listen to the element's events, then define it.
import { defineCheckout } from "pay-checkout";

const checkout = document.querySelector("pay-checkout");
const received = document.getElementById("received");

function record(event) {
  const item = document.createElement("li");
  item.dataset.type = event.type;
  item.textContent = JSON.stringify(event.detail);
  received.append(item);
}

checkout.addEventListener("response", (event) => {
  record(event);
  document.getElementById("outcome").hidden = false;
  document.getElementById("transaction-id").textContent = event.detail.transactionId;
  document.getElementById("payment-status").textContent = event.detail.paymentStatus;
});
checkout.addEventListener("complete", (event) => {
  record(event);
  document.getElementById("payment-status").textContent = event.detail.paymentStatus;
});
checkout.addEventListener("error", record);

defineCheckout().catch((error) => {
  // The element has already reported it as an `error` event; say it here too.
  document.getElementById("outcome").hidden = false;
  document.getElementById("outcome").textContent = error.message;
});
