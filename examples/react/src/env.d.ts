/// <reference types="vite/client" />
// JSX typing for <pay-checkout>: its properties and on… listeners.
/// <reference types="pay-checkout/react" />
