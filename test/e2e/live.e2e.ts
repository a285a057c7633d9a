import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLET, newSession, type Session } from './browser';
import { admin, enrolmentLink, DIST, startServer, type RunningServer } from './server-process';

// Two phones on one live incident, both online: the on-duty officer records, the branch
// leader's phone shows it without any tap, over the server's real hint stream. Each phone is
// its own Chromium profile, enrolled with its own token.
//
// The app polls every five seconds while an incident is open and the stream is down, so each
// arrival below is also checked against that: the leader's phone made no pull of its own
// between the officer's record and its arrival except the one the hint asked for.

const ORG = 'riverside';
const OFFICER = 'Officer Zhao';
const LEADER = 'Leader Chen';
/** A bound for a slow, busy CI machine; the figure itself (median, p95) is the propagation bench's. */
const ARRIVAL = { timeout: 20_000, interval: 100 };

async function enrol(session: Session, server: RunningServer, label: string): Promise<Page> {
  const link = enrolmentLink(server, ORG, label);
  const page = await session.context.newPage();
  await page.goto(link);
  await page.getByText('This device has joined').waitFor({ timeout: 60_000 });
  return page;
}

async function tab(page: Page, name: 'Steps' | 'Timeline' | 'Roles'): Promise<void> {
  await page.getByRole('navigation', { name: 'Incident sections' }).getByRole('link', { name }).click();
}

/** Counts the phone's own pulls (GET /api/v1/events), as the server sees them arrive. */
function countPulls(page: Page): () => number {
  let pulls = 0;
  page.on('request', (request) => {
    if (request.method() === 'GET' && new URL(request.url()).pathname === '/api/v1/events') pulls++;
  });
  return () => pulls;
}

describe('the officer’s phone and the leader’s tablet on one flood, both online', () => {
  let server: RunningServer;
  let phone: Session | undefined;
  let tablet: Session | undefined;
  let officer: Page;
  let leader: Page;
  let leaderPulls: () => number;

  beforeAll(async () => {
    server = await startServer({ staticDir: DIST });
    admin(server.dataDir, 'org', 'create', 'Riverside', 'Sub-branch', '--id', ORG);
    phone = await newSession({ locale: 'en-US' });
    tablet = await newSession({ locale: 'en-US', viewport: TABLET });
    officer = await enrol(phone, server, 'Officer’s phone');
    leader = await enrol(tablet, server, 'Leader’s tablet');
    leaderPulls = countPulls(leader);

    // The kind of emergency first; the flood playbook in the phone's language is then chosen.
    await officer.goto(`${server.url}/incidents/new`);
    await officer.getByTestId('start-kind-flood').click();
    await officer.getByLabel('Title').fill('Basement flooding');
    await officer.getByLabel('Place').fill('B1');
    await officer.getByTestId('actor-name').fill(OFFICER);
    await officer.getByTestId('start-incident').click();
    await officer.waitForURL(/\/incidents\/inc-/);
    await leader.goto(officer.url());
    await leader.getByTestId('commander').filter({ hasText: OFFICER }).waitFor({ timeout: ARRIVAL.timeout });
    await leader.getByTestId('change-name').click();
    await leader.getByLabel('Your name').fill(LEADER);
    await leader.getByLabel('Your name').press('Enter');
  });

  afterAll(async () => {
    await phone?.close();
    await tablet?.close();
    await server?.stop();
  });

  it('both badges say the phones are live', async () => {
    for (const page of [officer, leader]) await expect.poll(() => page.getByTestId('sync-badge').textContent(), ARRIVAL).toContain('Live');
  });

  it('a step the officer marks done shows on the leader’s tablet without a tap, pulled because the server hinted', async () => {
    await tab(leader, 'Steps');
    const before = leaderPulls();
    // The officer's phone is on "now", as an incident opens: the first step's Done, under the thumb.
    await officer.getByTestId('now-step-step.command.interim').getByTestId('now-done').click();
    await expect.poll(() => leader.getByTestId('step-step.command.interim').getAttribute('data-status'), ARRIVAL).toBe('done');
    expect(await leader.getByTestId('step-step.command.interim').textContent()).toContain(OFFICER);
    // One pull, asked for by the hint: no timer brought it.
    expect(leaderPulls() - before).toBe(1);
  });

  it('a note the officer writes shows on the leader’s timeline without a tap', async () => {
    await tab(officer, 'Timeline');
    await tab(leader, 'Timeline');
    const note = 'Water 30 cm at the east door, pumps on';
    const before = leaderPulls();
    await officer.getByTestId('note-text').fill(note);
    await officer.getByTestId('add-note').click();
    await expect.poll(() => leader.getByTestId('timeline').textContent(), ARRIVAL).toContain(note);
    expect(leaderPulls() - before).toBe(1);
  });

  it('a handover shows on the leader’s tablet without a tap, and the leader sees the officer’s phone has everything', async () => {
    const before = leaderPulls();
    await officer.getByTestId('hand-over').click();
    await officer.getByTestId('handover-to').fill(LEADER);
    await officer.getByTestId('handover-submit').click();
    // The leader reads the briefing on the officer's phone, then takes command.
    await officer.getByTestId('handover-briefing').getByTestId('handover-take').click();
    await expect.poll(() => leader.getByTestId('commander').textContent(), ARRIVAL).toContain(LEADER);
    expect(leaderPulls() - before).toBe(1);

    await tab(leader, 'Roles');
    const followers = leader.getByTestId('followers');
    await expect.poll(() => followers.textContent(), ARRIVAL).toContain('Officer’s phone');
    await expect.poll(() => followers.textContent(), ARRIVAL).toContain('Leader’s tablet');
    expect(await followers.textContent()).toContain('Has everything');
  });
});
