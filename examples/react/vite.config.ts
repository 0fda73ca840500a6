import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The merchant backend's and the gateway's routes go to pay-sandbox, which
// stands in for both (PAY_SANDBOX overrides where it runs).
const sandbox = process.env.PAY_SANDBOX ?? 'http://127.0.0.1:8080';
const proxy = { '/merchant': sandbox, '/pdirect': sandbox };

export default defineConfig({
  plugins: [react()],
  // pay-checkout finds its wasm beside itself (`new URL(…, import.meta.url)`).
  // Pre-bundling would move the module away from that file, so the dev
  // server serves the package as it is; `vite build` copies the wasm.
  optimizeDeps: { exclude: ['pay-checkout'] },
  server: { proxy },
  preview: { proxy },
});
