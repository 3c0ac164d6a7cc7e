// Mirrors db/migrations, which remain the source of truth; db/tests/schema-drift.test.ts
// fails when the two disagree.
export * from './accounts.ts';
export * from './community.ts';
export * from './knowledge.ts';
export * from './money.ts';
export * from './pam.ts';
export * from './scheduled-work.ts';
export * from './shop.ts';
export * from './todos.ts';
export * from './travel.ts';
