import { newApp } from './app.ts';
import { scheduled } from './cron/scheduled.ts';

export default { fetch: newApp().fetch, scheduled };
