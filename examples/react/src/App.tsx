import { useRef, useState } from 'react';
import type {
  CompleteDetail,
  ErrorDetail,
  PayCheckoutConfig,
  PayCheckoutElement,
  PaymentBody,
  ResponseDetail,
} from 'pay-checkout';

/** The Angular SDK's PdirectPayConfig: the session comes from our backend. */
const configs: PayCheckoutConfig = {
  isProduction: false,
  acceptLanguage: 'en',
  sessionUrl: '/merchant/pdirect/session',
  apiBase: '/pdirect',
};

/** The Angular SDK's PdirectPaymentBody: what the shop already knows. */
const paymentBody: PaymentBody = {
  amount: '12.50',
  currency: 'USD',
  customerReference: 'cust_react_example',
  paymentMethod: 'wallet',
  feeCoveredBy: 'buyer',
  firstName: 'John',
  lastName: 'Doe',
  email: 'john.doe@example.com',
};

type Received =
  | { type: 'response'; detail: ResponseDetail }
  | { type: 'error'; detail: ErrorDetail }
  | { type: 'complete'; detail: CompleteDetail };

export function App() {
  const checkout = useRef<PayCheckoutElement>(null);
  const [received, setReceived] = useState<Received[]>([]);
  const [transactionId, setTransactionId] = useState<string | null>(null);
  const [paymentStatus, setPaymentStatus] = useState<string | null>(null);
  const record = (event: Received) => setReceived((all) => [...all, event]);

  const payAgain = () => {
    setTransactionId(null);
    setPaymentStatus(null);
    checkout.current?.reset();
  };

  return (
    <main>
      <h1>Shop</h1>
      <p>Order total: 12.50 USD</p>

      <pay-checkout
        ref={checkout}
        configs={configs}
        paymentBody={paymentBody}
        onresponse={(event) => {
          record({ type: 'response', detail: event.detail });
          setTransactionId(event.detail.transactionId);
          setPaymentStatus(event.detail.paymentStatus);
        }}
        onerror={(event) => record({ type: 'error', detail: event.detail })}
        oncomplete={(event) => {
          record({ type: 'complete', detail: event.detail });
          setPaymentStatus(event.detail.paymentStatus);
        }}
      />

      {transactionId && (
        <p role="status">
          Transaction <output className="transaction-id">{transactionId}</output>:{' '}
          <output className="payment-status">{paymentStatus}</output>{' '}
          {paymentStatus !== 'pending' && (
            <button type="button" onClick={payAgain}>
              Pay again
            </button>
          )}
        </p>
      )}

      <h2>Events the app received</h2>
      <ol className="received">
        {received.map((event, index) => (
          <li key={index} data-type={event.type}>
            {JSON.stringify(event.detail)}
          </li>
        ))}
      </ol>
    </main>
  );
}
