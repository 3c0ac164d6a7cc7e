import { AnthropicProvider } from './anthropic.ts';
import { LocalCommandProvider } from './local.ts';
import { OpenAiCompatibleProvider } from './openai-compatible.ts';
import type { TransportOptions } from './transport.ts';
import type { ChatProvider } from './types.ts';
import { type WorkersAiBinding, WorkersAiProvider } from './workers-ai.ts';

export type { WorkersAiBinding } from './workers-ai.ts';
export * from './types.ts';

/**
 * The provider PAM talks to, chosen by configuration (the Worker's env passes as is):
 *
 * - `PAM_PROVIDER`: `openai` (any OpenAI-compatible server), `anthropic`, `workers-ai` or
 *   `local`. Unset, it follows what is configured: a key starting `sk-ant-` means
 *   Anthropic, any other key or a `PAM_BASE_URL` an OpenAI-compatible server, an `AI`
 *   binding Workers AI, and nothing at all the offline `local` provider.
 * - `PAM_API_KEY`; `PAM_BASE_URL` (default `https://api.openai.com/v1` or
 *   `https://api.anthropic.com`); `PAM_MODEL` (a sensible default per provider).
 * - `PAM_CONNECT_TIMEOUT_MS`, `PAM_IDLE_TIMEOUT_MS`: how long to wait for the provider to
 *   answer, and for the next piece of a streamed answer (30 s each by default).
 *
 * Empty strings count as unset (an empty line in `.dev.vars`). A configuration that
 * cannot work (an unknown provider, Anthropic without a key) throws, naming the setting.
 */
export interface ProviderConfig {
  PAM_PROVIDER?: string;
  PAM_API_KEY?: string;
  PAM_BASE_URL?: string;
  PAM_MODEL?: string;
  PAM_CONNECT_TIMEOUT_MS?: string;
  PAM_IDLE_TIMEOUT_MS?: string;
  AI?: WorkersAiBinding;
}

export const PROVIDER_NAMES = ['openai', 'anthropic', 'workers-ai', 'local'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export function providerFromConfig(config: ProviderConfig): ChatProvider {
  const setting = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  const apiKey = setting(config.PAM_API_KEY);
  const baseUrl = setting(config.PAM_BASE_URL);
  const model = setting(config.PAM_MODEL);
  const transport: TransportOptions = {
    connectTimeoutMs: milliseconds(config.PAM_CONNECT_TIMEOUT_MS, 'PAM_CONNECT_TIMEOUT_MS'),
    idleTimeoutMs: milliseconds(config.PAM_IDLE_TIMEOUT_MS, 'PAM_IDLE_TIMEOUT_MS'),
  };

  const name = chosenProvider(setting(config.PAM_PROVIDER)?.toLowerCase(), apiKey, baseUrl, config.AI);
  switch (name) {
    case 'openai':
      if (!apiKey && !baseUrl) throw new Error('PAM_PROVIDER=openai needs PAM_API_KEY (or PAM_BASE_URL for a local server)');
      return new OpenAiCompatibleProvider({ apiKey, baseUrl, model, ...transport });
    case 'anthropic':
      if (!apiKey) throw new Error('PAM_PROVIDER=anthropic needs PAM_API_KEY');
      return new AnthropicProvider({ apiKey, baseUrl, model, ...transport });
    case 'workers-ai':
      if (!config.AI) throw new Error('PAM_PROVIDER=workers-ai needs an AI binding ([ai] binding = "AI" in wrangler.toml)');
      return new WorkersAiProvider({ binding: config.AI, model, ...transport });
    case 'local':
      return new LocalCommandProvider();
  }
}

function chosenProvider(
  explicit: string | undefined,
  apiKey: string | undefined,
  baseUrl: string | undefined,
  binding: WorkersAiBinding | undefined,
): ProviderName {
  if (explicit !== undefined) {
    if ((PROVIDER_NAMES as readonly string[]).includes(explicit)) return explicit as ProviderName;
    throw new Error(`PAM_PROVIDER must be one of ${PROVIDER_NAMES.join(', ')}; got "${explicit}"`);
  }
  if (apiKey?.startsWith('sk-ant-')) return 'anthropic';
  if (apiKey || baseUrl) return 'openai';
  if (binding) return 'workers-ai';
  return 'local';
}

function milliseconds(value: string | undefined, name: string): number | undefined {
  if (!value?.trim()) return undefined;
  const ms = Number(value.trim());
  if (!Number.isInteger(ms) || ms <= 0) throw new Error(`${name} must be a whole number of milliseconds; got "${value}"`);
  return ms;
}
