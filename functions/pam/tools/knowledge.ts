import { z } from '@hono/zod-openapi';
import { searchKnowledge } from '../../knowledge/search.ts';
import { defineTool } from './tool.ts';

const EXCERPT_CHARS = 600;

export const searchKnowledgeTool = defineTool({
  name: 'search_knowledge',
  description: "Search the user's saved notes and documents (and PAM's shared travel tips) for what they say about something.",
  args: z.object({ q: z.string().min(1).max(500), limit: z.number().int().min(1).max(10).optional() }),
  run: async (db, args, context) => {
    const found = await searchKnowledge(db, context.embedder, { q: args.q, limit: args.limit ?? 5 });
    return {
      mode: found.mode,
      results: found.data.map((hit) => ({
        document_id: hit.document.id,
        title: hit.document.title,
        shared: hit.document.is_shared,
        excerpt: hit.chunk.content.slice(0, EXCERPT_CHARS),
        score: hit.score,
      })),
    };
  },
});
