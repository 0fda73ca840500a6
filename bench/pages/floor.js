// The framework floor as a page loads it (see bench/floor): its entry, then
// defineFloor(). Marks as the element's page does.
import { defineFloor } from "./pkg/index.js";

document.addEventListener("ready", () => (window.benchReady ??= performance.now()));
window.benchDefine = performance.now();
await defineFloor();
