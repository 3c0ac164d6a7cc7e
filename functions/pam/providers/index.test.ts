import { describe, expect, it } from 'vitest';
import { fakeWorkersAi, startFakeLlm } from '../../../test/support/fake-llm.ts';
import { AnthropicProvider } from './anthropic.ts';
import { providerFromConfig } from './index.ts';
import { LocalCommandProvider } from './local.ts';
import { OpenAiCompatibleProvider } from './openai-compatible.ts';
import { WorkersAiProvider } from './workers-ai.ts';

describe('providerFromConfig', () => {
  it('is the offline provider when nothing is configured, empty settings included', () => {
    expect(providerFromConfig({})).toBeInstanceOf(LocalCommandProvider);
    expect(providerFromConfig({ PAM_PROVIDER: '', PAM_API_KEY: '', PAM_BASE_URL: ' ' })).toBeInstanceOf(LocalCommandProvider);
    expect(providerFromConfig({ PAM_PROVIDER: 'local', PAM_API_KEY: 'sk-unused' })).toBeInstanceOf(LocalCommandProvider);
  });

  it('follows what is configured when no provider is named', () => {
    expect(providerFromConfig({ PAM_API_KEY: 'sk-ant-api03-abc' })).toBeInstanceOf(AnthropicProvider);
    expect(providerFromConfig({ PAM_API_KEY: 'sk-proj-abc' })).toBeInstanceOf(OpenAiCompatibleProvider);
    expect(providerFromConfig({ PAM_BASE_URL: 'http://127.0.0.1:11434/v1', PAM_MODEL: 'llama3.2' })).toMatchObject({
      name: 'openai',
      model: 'llama3.2',
    });
    expect(providerFromConfig({ AI: fakeWorkersAi() })).toBeInstanceOf(WorkersAiProvider);
  });

  it('takes the named provider, with a sensible model unless one is set', () => {
    expect(providerFromConfig({ PAM_PROVIDER: 'openai', PAM_API_KEY: 'k' })).toMatchObject({ name: 'openai', model: 'gpt-4.1-mini' });
    expect(providerFromConfig({ PAM_PROVIDER: 'Anthropic', PAM_API_KEY: 'k' })).toMatchObject({ name: 'anthropic', model: 'claude-haiku-4-5' });
    expect(providerFromConfig({ PAM_PROVIDER: 'anthropic', PAM_API_KEY: 'k', PAM_MODEL: 'claude-sonnet-4-5' }).model).toBe('claude-sonnet-4-5');
    expect(providerFromConfig({ PAM_PROVIDER: 'workers-ai', AI: fakeWorkersAi(), PAM_API_KEY: 'sk-ignored' })).toMatchObject({
      name: 'workers-ai',
      model: '@cf/meta/llama-3.3-70b-instruct-fp8-fast',
    });
  });

  it('refuses a configuration that cannot work, naming the setting', () => {
    expect(() => providerFromConfig({ PAM_PROVIDER: 'gemini' })).toThrow(/PAM_PROVIDER must be one of openai, anthropic, workers-ai, local/);
    expect(() => providerFromConfig({ PAM_PROVIDER: 'anthropic' })).toThrow(/PAM_API_KEY/);
    expect(() => providerFromConfig({ PAM_PROVIDER: 'openai' })).toThrow(/PAM_API_KEY/);
    expect(() => providerFromConfig({ PAM_PROVIDER: 'workers-ai' })).toThrow(/AI binding/);
    expect(() => providerFromConfig({ PAM_API_KEY: 'k', PAM_IDLE_TIMEOUT_MS: 'soon' })).toThrow(/PAM_IDLE_TIMEOUT_MS/);
  });

  it('gives the adapter the timeouts from the configuration', async () => {
    const fake = await startFakeLlm();
    try {
      fake.reply({ hangBeforeHeaders: true }, { hangBeforeHeaders: true });
      const provider = providerFromConfig({ PAM_BASE_URL: `${fake.url}/v1`, PAM_CONNECT_TIMEOUT_MS: '250' });
      const stream = provider.stream({ messages: [{ role: 'user', content: 'hi' }], tools: [] })[Symbol.asyncIterator]();
      await expect(stream.next()).rejects.toMatchObject({ kind: 'timeout', message: expect.stringContaining('within 250 ms') });
    } finally {
      await fake.close();
    }
  });
});
