import { bootstrapApplication } from '@angular/platform-browser';
import { defineCheckout } from 'pay-checkout';

import { App } from './app/app';

// angular.json copies the wasm to /pay-checkout/ ("assets"); the load runs
// while Angular starts. A failure also reaches the element's (error) handler.
defineCheckout({ wasmUrl: 'pay-checkout/pay_checkout_bg.wasm' }).catch((error) => console.error(error));

bootstrapApplication(App).catch((error) => console.error(error));
