// The floor's entry: wasm-bindgen's glue loads and instantiates the module
// (compiling as it streams in), then a custom element mounts the Leptos
// view into its shadow root with the stylesheet adopted, and says `ready`
// as the element and the hand-written page do.
import init, { mount, styles } from "./floor.js";

export async function defineFloor() {
  await init({ module_or_path: new URL("floor_bg.wasm", import.meta.url) });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(styles());
  customElements.define(
    "floor-checkout",
    class extends HTMLElement {
      connectedCallback() {
        const root = this.attachShadow({ mode: "open" });
        root.adoptedStyleSheets = [sheet];
        mount(root.appendChild(document.createElement("div")));
        queueMicrotask(() => this.dispatchEvent(new CustomEvent("ready", { bubbles: true, composed: true })));
      }
    },
  );
}
