import { documentsRouter } from './documents.ts';
import { searchRouter } from './search.ts';
import { sharedKnowledgeRouter } from './shared.ts';

/** PAM's knowledge: the user's documents, search over them and the shared ones, and publishing shared ones. */
export const knowledgeRouters = [searchRouter, documentsRouter, sharedKnowledgeRouter];
