import { describe, expect, it } from 'vitest';
import { createIdleGate, pauseWhileBusy } from '../../src-main/worker/idleGate';

const turn = () => new Promise((r) => setImmediate(r));

describe('idleGate', () => {
  it('is idle until a job starts, and idle again only a quiet period after the last job ends', async () => {
    const gate = createIdleGate(40);
    let idle = false;
    await gate.whenIdle(); // nothing runs: at once
    gate.jobStarted();
    gate.jobStarted();
    void gate.whenIdle().then(() => (idle = true));
    gate.jobEnded();
    await new Promise((r) => setTimeout(r, 80));
    expect(idle).toBe(false); // one of two jobs still runs
    gate.jobEnded();
    await turn();
    expect(idle).toBe(false); // answered, but within the quiet period
    await gate.whenIdle();
    await turn();
    expect(idle).toBe(true);
  });

  it('whenNoJobRuns resolves as soon as the last job ends, without the quiet period', async () => {
    const gate = createIdleGate(10_000);
    await gate.whenNoJobRuns(); // nothing runs: at once
    gate.jobStarted();
    gate.jobStarted();
    let free = false;
    let idle = false;
    void gate.whenNoJobRuns().then(() => (free = true));
    void gate.whenIdle().then(() => (idle = true));
    gate.jobEnded();
    await turn();
    expect(free).toBe(false); // one of two jobs still runs
    gate.jobEnded();
    await turn();
    expect(free).toBe(true);
    expect(idle).toBe(false); // the warm-up's gate still waits out its quiet period
  });

  it('holds a helper thread while busy, and lets it go as soon as it is needed', () => {
    const gate = createIdleGate();
    let checks = 0;
    pauseWhileBusy(gate.buffer, () => ++checks > 0);
    expect(checks).toBe(0); // idle: no wait, not even a look at `needed`
    gate.jobStarted();
    pauseWhileBusy(gate.buffer, () => ++checks >= 3);
    expect(checks).toBe(3); // waited (20 ms at a time) until needed
    pauseWhileBusy(undefined, () => false); // no gate (tests, bench): never waits
  });
});
