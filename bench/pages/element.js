// The element as a shop loads it: the npm package's entry, then
// defineCheckout(). Marks when the load starts and when `ready` arrives
// (performance.now() counts from navigation start). The page is served
// under /all/ (the package with every gateway) and /one/ (PDirect only).
import { defineCheckout } from "./pkg/index.js";

document.addEventListener("ready", () => (window.benchReady ??= performance.now()));
const element = document.querySelector("pay-checkout");
// Set before the element is defined, as Angular and React set it.
element.configs = { token: "sess_bench_token", isProduction: false };
element.paymentBody = { firstName: "John", lastName: "Doe", email: "john.doe@example.com" };
window.benchDefine = performance.now();
await defineCheckout();
