import { vi } from 'vitest';
import type { ApiUser, TestApi } from '../../test/support/app.ts';
import { connectorFor } from '../../test/support/app.ts';
import { openAiFrames, openAiStream } from '../../test/support/fake-llm.ts';
import { describe, expect, openConversation, type PamApi, say, test } from '../../test/support/pam.ts';
import { newScheduledHandler } from '../cron/scheduled.ts';
import { withServiceRole } from '../database/transactions.ts';
import { raiseDueNotices } from './notices.ts';

/** PAM speaks first: what came due becomes notices, listed in the app and mentioned in PAM's next reply. */

const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

async function post(api: TestApi, user: ApiUser, path: string, json: unknown) {
  const response = await api.request(path, { method: 'POST', token: user.token, json });
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json();
}

const raise = (pam: PamApi) => withServiceRole(connectorFor(pam.database), {}, raiseDueNotices);

async function noticesOf(api: TestApi, user: ApiUser, query = '') {
  const response = await api.request(`/api/v1/pam/notices${query}`, { token: user.token });
  expect(response.status).toBe(200);
  return (await response.json()).data as { id: string; kind: string; title: string; body: string; data: Record<string, unknown>; read_at: string | null; mentioned_at: string | null }[];
}

/** A reminder due an hour ago, and ones that are not due or are done. */
async function reminders(api: TestApi, user: ApiUser, title: string) {
  await post(api, user, '/api/v1/todos', { title, reminder_at: hoursFromNow(-1), due_date: hoursFromNow(2) });
  await post(api, user, '/api/v1/todos', { title: `${title} (later)`, reminder_at: hoursFromNow(24) });
  await post(api, user, '/api/v1/todos', { title: `${title} (done)`, reminder_at: hoursFromNow(-5), status: 'completed' });
}

describe('raiseDueNotices', () => {
  test("states a reminder's due time on the user's own clock, and in UTC for a time zone Postgres does not know", async ({ pam, alice, bob }) => {
    await raise(pam);
    const setZone = async (user: ApiUser, timezone: string) =>
      expect((await pam.request('/api/v1/me', { method: 'PATCH', token: user.token, json: { preferences: { timezone } } })).status).toBe(200);
    await setZone(alice, 'Australia/Perth');
    await setZone(bob, 'Mars/Olympus_Mons');
    const due = '2031-07-01T01:30:00.000Z';
    for (const user of [alice, bob]) await post(pam, user, '/api/v1/todos', { title: 'Book the ferry', reminder_at: hoursFromNow(-1), due_date: due });
    expect((await raise(pam)).todo_reminder).toBe(2);
    // Perth is UTC+8 all year.
    expect((await noticesOf(pam, alice)).find((n) => n.title === 'Reminder: Book the ferry')!.body).toBe(
      'You asked to be reminded: Book the ferry (due 2031-07-01 09:30 Australia/Perth).',
    );
    expect((await noticesOf(pam, bob)).find((n) => n.title === 'Reminder: Book the ferry')!.body).toBe(
      'You asked to be reminded: Book the ferry (due 2031-07-01 01:30 UTC).',
    );
  });

  test('turns reminders, maintenance and budgets that came due into notices, once each; the app lists them and PAM mentions them', async ({ pam, alice, bob }) => {
    await raise(pam); // whatever the file's earlier tests left due
    await reminders(pam, alice, 'Call the caravan park');
    const van = await post(pam, alice, '/api/v1/vehicles', { make: 'Toyota', model: 'HiLux', year: 2019 });
    const service = (type: string, serviceDate: string, next: string) =>
      post(pam, alice, `/api/v1/vehicles/${van.id}/maintenance`, { maintenance_type: type, service_date: serviceDate, next_service_date: next });
    const oil = await service('oil_change', '2025-03-01', dayFromToday(3));
    await service('LPG_certificate', '2025-03-01', dayFromToday(-2));
    await service('timing_belt', '2025-03-01', dayFromToday(30));
    // Logged again since: the older record's due date no longer counts.
    await service('tyre_rotation', '2025-01-01', dayFromToday(2));
    await service('Tyre_Rotation', '2025-06-01', dayFromToday(100));
    const budget = await post(pam, alice, '/api/v1/budgets', { name: 'Outback', total_amount: '1000.00', currency: 'AUD', start_date: '2001-01-01' });
    const category = (name: string, allocated: string) => post(pam, alice, `/api/v1/budgets/${budget.id}/categories`, { name, allocated_amount: allocated });
    const spend = (categoryId: string, amount: string) =>
      post(pam, alice, '/api/v1/expenses', { amount, description: 'spent', category: 'other', expense_date: '2026-05-01', budget_category_id: categoryId });
    const fuel = await category('Fuel', '100.00');
    const food = await category('Food', '50.00');
    await category('Camping', '200.00');
    await spend(fuel.id, '85.00');
    await spend(food.id, '60.00');
    await reminders(pam, bob, 'Pick up the parcel');

    expect(await raise(pam)).toEqual({ todo_reminder: 2, maintenance_due: 2, budget_threshold: 3 });
    expect(await raise(pam)).toEqual({ todo_reminder: 0, maintenance_due: 0, budget_threshold: 0 });

    const notices = await noticesOf(pam, alice);
    expect(notices.map((n) => [n.kind, n.title]).sort()).toEqual([
      ['budget_threshold', 'Food budget at 80%'],
      ['budget_threshold', 'Food budget used up'],
      ['budget_threshold', 'Fuel budget at 80%'],
      ['maintenance_due', 'LPG certificate due for the Toyota HiLux'],
      ['maintenance_due', 'Oil change due for the Toyota HiLux'],
      ['todo_reminder', 'Reminder: Call the caravan park'],
    ]);
    expect(notices.every((n) => n.read_at === null && n.mentioned_at === null)).toBe(true);
    const oilNotice = notices.find((n) => n.title.startsWith('Oil change'))!;
    expect(oilNotice.body).toBe(`It is due on ${dayFromToday(3)}.`);
    expect(notices.find((n) => n.title.startsWith('LPG'))!.body).toBe(`It was due on ${dayFromToday(-2)}.`);
    expect(oilNotice.data).toMatchObject({ maintenance_id: oil.id, vehicle_id: van.id });
    expect(notices.find((n) => n.title === 'Food budget used up')!.body).toBe('You have spent 60.00 of 50.00 AUD in Food (Outback).');
    expect((await noticesOf(pam, bob)).map((n) => n.title)).toEqual(['Reminder: Pick up the parcel']);

    // Read in the app: PAM need not bring it up.
    const read = notices.find((n) => n.title === 'Food budget at 80%')!;
    const marked = await pam.request(`/api/v1/pam/notices/${read.id}`, { method: 'PATCH', token: alice.token, json: { read: true } });
    expect(marked.status).toBe(200);
    expect((await marked.json()).read_at).not.toBeNull();
    expect((await pam.request(`/api/v1/pam/notices/${read.id}`, { method: 'PATCH', token: bob.token, json: { read: true } })).status).toBe(404);
    expect((await noticesOf(pam, alice, '?unread=true')).map((n) => n.id).sort()).toEqual(
      notices.filter((n) => n.id !== read.id).map((n) => n.id).sort(),
    );

    // A reply that failed before it said anything has not told the user.
    pam.fake.reply({ events: [openAiFrames.error('overloaded')] }, { events: [openAiFrames.error('overloaded')] });
    const conversation = await openConversation(pam, alice);
    expect((await say(pam, alice, conversation.id, 'anything I should know?')).status).toBe(502);
    expect((await noticesOf(pam, alice)).every((n) => n.mentioned_at === null)).toBe(true);
    pam.fake.reset();

    // The next turn: the model is told of the unread ones, and they count as mentioned.
    pam.fake.reply({ events: openAiStream({ text: ['Your oil change is due soon.'] }) }, { events: openAiStream({ text: ['Anything else?'] }) });
    expect((await say(pam, alice, conversation.id, 'anything I should know?')).status).toBe(200);

    const prompt: string = pam.fake.requests[0].body.messages[0].content;
    for (const notice of notices.filter((n) => n.id !== read.id)) expect(prompt).toContain(`- ${notice.title}: ${notice.body}`);
    expect(prompt).not.toContain('Food budget at 80%');
    const after = await noticesOf(pam, alice);
    for (const notice of after) {
      if (notice.id === read.id) expect(notice.mentioned_at).toBeNull();
      else expect(notice.mentioned_at, notice.title).not.toBeNull();
    }
    // Mentioned once is enough.
    expect((await say(pam, alice, conversation.id, 'thanks')).status).toBe(200);
    expect(pam.fake.requests[1].body.messages[0].content).not.toContain('Raised by you');
  });

  test('runs from the scheduled handler on its cron expression, and the run is recorded', async ({ pam, alice }) => {
    await raise(pam);
    await reminders(pam, alice, 'Top up the AdBlue');
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const scheduled = newScheduledHandler({ connectDatabase: connectorFor(pam.database) });

    await scheduled({ cron: '5,15,25,35,45,55 * * * *', scheduledTime: Date.now() }, {});
    await scheduled({ cron: '5,15,25,35,45,55 * * * *', scheduledTime: Date.now() }, {});

    expect((await noticesOf(pam, alice)).map((n) => n.title)).toEqual(['Reminder: Top up the AdBlue']);
    const { rows } = await pam.database.owner.query(
      `select succeeded, summary from public.cron_runs where job = 'pam_notices' order by started_at, created_at`,
    );
    expect(rows).toEqual([
      { succeeded: true, summary: { todo_reminder: 1, maintenance_due: 0, budget_threshold: 0 } },
      { succeeded: true, summary: { todo_reminder: 0, maintenance_due: 0, budget_threshold: 0 } },
    ]);
    vi.restoreAllMocks();
  });
});
