// The dev server forwards the merchant backend's and the gateway's routes to
// pay-sandbox, which stands in for both (PAY_SANDBOX overrides where it runs).
const target = process.env.PAY_SANDBOX ?? "http://127.0.0.1:8080";

export default {
  "/merchant": { target, changeOrigin: true },
  "/pdirect": { target, changeOrigin: true },
};
