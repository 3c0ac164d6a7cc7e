import { conversationsRouter } from './conversations.ts';
import { messagesRouter } from './messages.ts';
import { noticesRouter } from './notices.ts';
import { toolsRouter } from './tools.ts';

/** PAM, the assistant: conversations, the turn, its tools. */
export const pamRouters = [conversationsRouter, messagesRouter, noticesRouter, toolsRouter];
