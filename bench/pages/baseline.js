// The floor: the same wallet form (amount, progress, country and phone,
// wallet number, PIN, Pay) written by hand, with no framework, in a shadow
// root with the same stylesheet, fetched like the element's assets are.
// It marks `ready` when the form is interactive, as the element does.
const COUNTRIES = [
  ["CD", "DR Congo", "243"], ["KE", "Kenya", "254"], ["TZ", "Tanzania", "255"], ["UG", "Uganda", "256"],
  ["GH", "Ghana", "233"], ["ZM", "Zambia", "260"], ["MW", "Malawi", "265"], ["ZA", "South Africa", "27"],
  ["RW", "Rwanda", "250"], ["NG", "Nigeria", "234"],
];

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function field(id, label, input) {
  return element("div", { class: "field", part: "field" }, element("label", { for: id }, label), input,
    element("p", { class: "field-error", id: `${id}-error`, role: "alert" }));
}

window.benchDefine = performance.now();
const css = await (await fetch("/baseline.css")).text();

class VanillaCheckout extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: "open" });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    const amount = new Intl.NumberFormat(navigator.language, { style: "currency", currency: "USD" }).format("12.50");
    const countries = element("select", { class: "phone-country", "aria-label": "Country" },
      ...COUNTRIES.map(([iso, name, code]) => element("option", { value: iso }, `+${code} ${name}`)));
    const phone = element("div", { class: "field phone", part: "field" },
      element("label", { for: "pay-phone_number" }, "Phone number"),
      element("div", { class: "phone-row" }, countries, element("input", { id: "pay-phone_number", type: "tel", autocomplete: "tel" })),
      element("p", { class: "field-note" }, "For example 0812 345 678"));
    const form = element("form", { class: "wallet-form", part: "form", novalidate: "" },
      phone,
      field("pay-wallet_number", "Wallet number", element("input", { id: "pay-wallet_number", inputmode: "numeric" })),
      field("pay-wallet_pin", "Wallet PIN", element("input", { id: "pay-wallet_pin", type: "password", inputmode: "numeric" })),
      element("button", { type: "submit", class: "pay", part: "button" }, `Pay ${amount}`));
    form.addEventListener("submit", (event) => event.preventDefault());
    const progress = element("ol", { class: "progress", part: "progress" },
      ...["Details", "Confirm", "Done"].map((name, index) =>
        element("li", { class: index === 0 ? "progress-stage current" : "progress-stage" },
          element("span", { class: "progress-dot" }), element("span", { class: "progress-name" }, name))));
    root.append(element("section", { class: "checkout", part: "checkout", lang: "en", dir: "ltr" },
      element("p", { class: "amount" }, element("span", { class: "amount-label" }, "Amount to pay"),
        element("strong", { class: "amount-value" }, amount)),
      progress, form));
    queueMicrotask(() => this.dispatchEvent(new CustomEvent("ready", { bubbles: true, composed: true, detail: { gateway: "pdirect" } })));
  }
}

document.addEventListener("ready", () => (window.benchReady ??= performance.now()));
customElements.define("vanilla-checkout", VanillaCheckout);
