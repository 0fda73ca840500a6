import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defineCheckout } from 'pay-checkout';

import { App } from './App';

const root = createRoot(document.getElementById('root')!);

// React 19 sets `configs` and `paymentBody` as properties only on an element
// that is already defined (on any other it writes attributes), so render once
// the element is defined.
defineCheckout().then(
  () =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  (error: Error) => root.render(<p role="alert">{error.message}</p>),
);
