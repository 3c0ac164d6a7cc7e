import { budgetStatusTool, expenseSummaryTool, logExpenseTool } from './money.ts';
import { searchKnowledgeTool } from './knowledge.ts';
import { searchProductsTool } from './shop.ts';
import { completeTodoTool, createTodoTool, listTodosTool } from './todos.ts';
import type { PamTool } from './tool.ts';
import { createTripTool, listTripsTool, upcomingMaintenanceTool } from './travel.ts';

/**
 * Every tool PAM may call, and nothing else: GET /api/v1/pam/tools lists exactly these,
 * and each has tests of its own (functions/pam/tools/tools.test.ts fails otherwise).
 */
export const pamTools = [
  createTodoTool,
  listTodosTool,
  completeTodoTool,
  logExpenseTool,
  budgetStatusTool,
  expenseSummaryTool,
  upcomingMaintenanceTool,
  listTripsTool,
  createTripTool,
  searchProductsTool,
  searchKnowledgeTool,
] as PamTool[];
