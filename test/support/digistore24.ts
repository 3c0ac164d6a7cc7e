import { randomUUID } from 'node:crypto';
import type { Env } from '../../functions/env.ts';
import { digistore24Signature } from '../../functions/digistore24/signature.ts';
import { testEnv } from './app.ts';

export const TEST_IPN_PASSPHRASE = 'pam-test-ipn-passphrase';

/** The Worker's environment with the IPN passphrase configured. */
export const ipnEnv: Env = { ...testEnv, DIGISTORE24_IPN_PASSPHRASE: TEST_IPN_PASSPHRASE };

export const IPN_PATH = '/webhooks/digistore24';

/** A first on_payment as Digistore24 sends it (a subset of its 173 fields), for a fresh order. */
export function paymentFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    event: 'on_payment',
    event_label: 'Payment',
    ipn_version: '1.6',
    api_mode: 'live',
    order_id: `ORD${randomUUID().slice(0, 8).toUpperCase()}`,
    order_item_id: '1',
    transaction_id: String(Math.floor(Math.random() * 1e9)),
    transaction_type: 'payment',
    parent_transaction_id: '',
    product_id: '512345',
    product_name: 'Basis Monatlich',
    amount: '47.00',
    amount_netto: '39.50',
    amount_vat: '7.50',
    amount_affiliate: '11.75',
    currency: 'EUR',
    email: 'Kunde.Mueller@Example.de ',
    buyer_email: 'Kunde.Mueller@Example.de ',
    buyer_first_name: 'Jörg',
    buyer_last_name: 'Müller-Straße',
    buyer_address_street: 'Hauptstraße 1',
    buyer_address_city: 'Berlin',
    buyer_phone_no: '+49 30 1234567',
    merchant_id: '4711',
    merchant_name: 'Vendor GmbH',
    billing_type: 'subscription',
    pay_method: 'paypal',
    pay_sequence_no: '1',
    receipt_url: 'https://www.digistore24.com/receipt/123/SECRETKEY',
    custom: '',
    ...overrides,
  };
}

/** The fields with the `sha_sign` Digistore24 would add. */
export async function signed(
  fields: Record<string, string>,
  passphrase = TEST_IPN_PASSPHRASE,
  options: { uppercaseKeys?: boolean } = {},
): Promise<Record<string, string>> {
  return { ...fields, sha_sign: await digistore24Signature(passphrase, fields, options) };
}

export function formRequest(fields: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  };
}
