import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { CompleteDetail, ErrorDetail, PayCheckoutConfig, PaymentBody, ResponseDetail } from 'pay-checkout';

/** One event as this app's handler received it. */
interface Received {
  type: 'response' | 'error' | 'complete';
  detail: ResponseDetail | ErrorDetail | CompleteDetail;
}

@Component({
  selector: 'app-root',
  // <pay-checkout> is a custom element, not an Angular component.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  templateUrl: './app.html',
})
export class App {
  /** The Angular SDK's PdirectPayConfig: the session comes from our backend. */
  readonly configs: PayCheckoutConfig = {
    isProduction: false,
    acceptLanguage: 'en',
    sessionUrl: '/merchant/pdirect/session',
    apiBase: '/pdirect',
  };

  /** The Angular SDK's PdirectPaymentBody: what the shop already knows. */
  readonly paymentBody: PaymentBody = {
    amount: '12.50',
    currency: 'USD',
    customerReference: 'cust_angular_example',
    paymentMethod: 'wallet',
    feeCoveredBy: 'buyer',
    firstName: 'John',
    lastName: 'Doe',
    email: 'john.doe@example.com',
  };

  readonly transactionId = signal<string | null>(null);
  readonly paymentStatus = signal<string | null>(null);
  readonly received = signal<Received[]>([]);

  onResponse(event: CustomEvent<ResponseDetail>): void {
    this.record({ type: 'response', detail: event.detail });
    this.transactionId.set(event.detail.transactionId);
    this.paymentStatus.set(event.detail.paymentStatus);
  }

  onError(event: CustomEvent<ErrorDetail>): void {
    this.record({ type: 'error', detail: event.detail });
  }

  onComplete(event: CustomEvent<CompleteDetail>): void {
    this.record({ type: 'complete', detail: event.detail });
    this.paymentStatus.set(event.detail.paymentStatus);
  }

  protected asJson(value: unknown): string {
    return JSON.stringify(value);
  }

  private record(received: Received): void {
    this.received.update((all) => [...all, received]);
  }
}
