import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Digistore24's REST API that speaks its wire format, so the real
 * client runs against it unchanged: `POST /api/call/<function>/format/json`, the key in
 * `X-DS-API-KEY`, form-encoded parameters, and the `{ api_version, result, ... }`
 * envelope, errors included with HTTP 200. Faults are scripted per request.
 */

export type MarketplaceEntry = Record<string, unknown>;

export interface RecordedRequest {
  method: string;
  path: string;
  functionName: string;
  apiKey: string | undefined;
  contentType: string | undefined;
  params: Record<string, string>;
}

export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless a string. */
  body?: unknown;
  /** Hold the answer back this long (a slow or hung API). */
  delayMs?: number;
}

interface Rule {
  functionName?: string;
  pageNo?: number;
  remaining: number;
  answer: ScriptedAnswer;
}

export interface FakeDigistore24 {
  /** The base the client is given, ending in /api/call. */
  url: string;
  apiKey: string;
  /** The marketplace listing, in listing order; tests change it between runs. */
  entries: MarketplaceEntry[];
  /** 'honoured' pages by page_no / page_size; 'ignored' answers everything every time. */
  paging: 'honoured' | 'ignored';
  /** 'object' answers `data: { entries: [...] }`, 'array' answers `data: [...]`. */
  listShape: 'object' | 'array';
  requests: RecordedRequest[];
  /** The next `times` requests matching `functionName` and `pageNo` get `answer` instead. */
  script(match: { functionName?: string; pageNo?: number; times?: number }, answer: ScriptedAnswer): void;
  reset(): void;
  close(): Promise<void>;
}

export const FAKE_API_KEY = '1234-fakeKeyForTestsOnlyAbCdEfGhIjKlMnOpQrSt';

export function errorEnvelope(message: string, code: number | string = 0) {
  return { api_version: '3.3', result: 'error', code, message };
}

/** A plausible marketplace entry with the fields getMarketplaceEntry documents. */
export function marketplaceEntry(n: number, overrides: MarketplaceEntry = {}): MarketplaceEntry {
  const categories = ['Health & Fitness', 'Travel', 'Business & Investment'];
  return {
    id: String(700_000 + n),
    main_product_id: String(400_000 + n),
    all_product_ids: [String(400_000 + n)],
    approval_status: 'approved',
    price: n % 2 ? `${19 + (n % 50)}.99` : 19 + (n % 50) + 0.5,
    currency: 'EUR',
    price_msg: '<b>19,99 €</b>',
    language: 'en',
    product_category_id: String(10 + (n % 3)),
    product_category: categories[n % 3],
    headline: `Road product ${n}`,
    description: `<p>Useful on the road &amp; at camp, number ${n}.</p>`,
    affiliate_share: n % 2 ? '50.00' : 37.5,
    vendor_name: `Vendor ${n % 7}`,
    image_url: `https://cdn.example.com/products/${n}.jpg`,
    salespage_url: `https://vendor-${n % 7}.example.com/offer-${n}`,
    product_created_at: '2024-02-01 10:00:00',
    stats_is_valid: 'Y',
    stats_sales_rank: String(n),
    ...overrides,
  };
}

export async function startFakeDigistore24(entries: MarketplaceEntry[] = []): Promise<FakeDigistore24> {
  let rules: Rule[] = [];
  const fake: FakeDigistore24 = {
    url: '',
    apiKey: FAKE_API_KEY,
    entries,
    paging: 'honoured',
    listShape: 'object',
    requests: [],
    script(match, answer) {
      rules.push({ functionName: match.functionName, pageNo: match.pageNo, remaining: match.times ?? 1, answer });
    },
    reset() {
      rules = [];
      fake.requests.length = 0;
      fake.paging = 'honoured';
      fake.listShape = 'object';
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };

  const server: Server = createServer(async (request, response) => {
    const recorded = await record(request);
    fake.requests.push(recorded);
    const pageNo = recorded.params.page_no ? Number(recorded.params.page_no) : undefined;
    const rule = rules.find(
      (r) =>
        r.remaining > 0 &&
        (r.functionName === undefined || r.functionName === recorded.functionName) &&
        (r.pageNo === undefined || r.pageNo === pageNo),
    );
    if (rule) {
      rule.remaining--;
      return answer(response, rule.answer);
    }
    answer(response, { body: defaultAnswer(fake, recorded) });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/call`;
  return fake;
}

async function record(request: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const path = request.url ?? '';
  const functionName = /^\/api\/call\/([^/]+)\/format\/json$/.exec(path)?.[1] ?? '';
  return {
    method: request.method ?? '',
    path,
    functionName: decodeURIComponent(functionName),
    apiKey: request.headers['x-ds-api-key'] as string | undefined,
    contentType: request.headers['content-type'],
    params: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
  };
}

function defaultAnswer(fake: FakeDigistore24, request: RecordedRequest): unknown {
  if (request.method !== 'POST' || !request.functionName) return errorEnvelope('Unknown request', 404);
  if (request.apiKey !== fake.apiKey) return errorEnvelope('Invalid API key', 401);
  if (request.functionName === 'listMarketplaceEntries') {
    let entries = fake.entries;
    if (fake.paging === 'honoured' && request.params.page_size) {
      const size = Number(request.params.page_size);
      const page = Number(request.params.page_no ?? 1);
      entries = entries.slice((page - 1) * size, page * size);
    }
    const data = fake.listShape === 'array' ? entries : { entries };
    return { api_version: '3.3', result: 'success', data };
  }
  if (request.functionName === 'getMarketplaceEntry') {
    const entry = fake.entries.find((e) => e.id === request.params.entry_id);
    return entry
      ? { api_version: '3.3', result: 'success', data: entry }
      : errorEnvelope('Marketplace entry not found', 404);
  }
  return errorEnvelope(`Unknown function ${request.functionName}`, 404);
}

function answer(response: ServerResponse, scripted: ScriptedAnswer): void {
  const send = () => {
    if (response.destroyed) return;
    const body = typeof scripted.body === 'string' ? scripted.body : JSON.stringify(scripted.body ?? {});
    response.writeHead(scripted.status ?? 200, {
      'content-type': typeof scripted.body === 'string' ? 'text/html' : 'application/json',
      ...scripted.headers,
    });
    response.end(body);
  };
  if (scripted.delayMs) setTimeout(send, scripted.delayMs);
  else send();
}
