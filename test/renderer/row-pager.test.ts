import { describe, expect, it } from 'vitest';
import { RowPager, type Row } from '../../src-renderer/src/lib/rowPager';

interface Call {
  offset: number;
  limit: number;
  resolve: (rows: readonly Row[] | null) => void;
}

/** A fetch whose answers the test releases by hand. */
function manualFetch(): {
  calls: Call[];
  fetch: (offset: number, limit: number) => Promise<readonly Row[] | null>;
} {
  const calls: Call[] = [];
  return {
    calls,
    fetch: (offset, limit) => new Promise((resolve) => calls.push({ offset, limit, resolve })),
  };
}

const rowsFor = (offset: number, limit: number): Row[] =>
  Array.from({ length: limit }, (_, i) => [offset + i, `r${offset + i}`]);

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('RowPager', () => {
  it('asks for the visible page first, then one page of look-ahead, two at a time', async () => {
    const { calls, fetch } = manualFetch();
    const pager = new RowPager(fetch, 1000, { pageSize: 100, maxInFlight: 2 });
    pager.ensure(250, 270);
    expect(calls.map((c) => [c.offset, c.limit])).toEqual([
      [200, 100],
      [100, 100],
    ]);
    expect(pager.row(250)).toBeUndefined();
    calls[0].resolve(rowsFor(200, 100));
    await flush();
    expect(pager.row(250)).toEqual([250, 'r250']);
    // The freed slot goes to the next wanted page (the one after).
    expect(calls.map((c) => c.offset)).toEqual([200, 100, 300]);
  });

  it('clips the last page to the row count', async () => {
    const { calls, fetch } = manualFetch();
    const pager = new RowPager(fetch, 250, { pageSize: 100, maxInFlight: 4 });
    pager.ensure(240, 249);
    expect(calls.map((c) => [c.offset, c.limit])).toEqual([
      [200, 50],
      [100, 100],
    ]);
  });

  it('does not ask again for a page that is loaded or on its way', async () => {
    const { calls, fetch } = manualFetch();
    const pager = new RowPager(fetch, 1000, { pageSize: 100, maxInFlight: 4 });
    pager.ensure(0, 10);
    pager.ensure(0, 10);
    expect(calls.map((c) => c.offset)).toEqual([0, 100]);
    calls[0].resolve(rowsFor(0, 100));
    await flush();
    pager.ensure(5, 20);
    expect(calls.map((c) => c.offset)).toEqual([0, 100]);
  });

  it('drops queued pages the user scrolled past (latest wins)', async () => {
    const { calls, fetch } = manualFetch();
    const pager = new RowPager(fetch, 100_000, { pageSize: 100, maxInFlight: 1 });
    pager.ensure(0, 20); // queues 0, then 100
    pager.ensure(50_000, 50_020); // replaces the queue with 500, 499, 501
    calls[0].resolve(rowsFor(0, 100));
    await flush();
    expect(calls.map((c) => c.offset)).toEqual([0, 50_000]);
  });

  it('keeps at most maxPages pages, evicting the least recently used', async () => {
    const fetched: number[] = [];
    const pager = new RowPager(
      async (offset, limit) => {
        fetched.push(offset);
        return rowsFor(offset, limit);
      },
      10_000,
      { pageSize: 10, maxPages: 3, maxInFlight: 1 },
    );
    pager.ensure(0, 5); // pages 0, 1
    await flush();
    await flush();
    pager.ensure(0, 5); // touch page 0 so it is the most recent
    pager.ensure(500, 505); // pages 50, 49, 51 → evicts 1, then 0
    for (let i = 0; i < 6; i++) await flush();
    expect(pager.cachedPages.sort((a, b) => a - b)).toEqual([49, 50, 51]);
    expect(pager.row(3)).toBeUndefined();
    expect(pager.row(505)).toEqual([505, 'r505']);
  });

  it('forgets a failed page so a later scroll retries it, and reports loads', async () => {
    let fail = true;
    let loads = 0;
    const pager = new RowPager(async (offset, limit) => (fail ? null : rowsFor(offset, limit)), 50, {
      pageSize: 100,
      onLoad: () => (loads += 1),
    });
    pager.ensure(0, 10);
    await flush();
    expect(pager.row(0)).toBeUndefined();
    expect(loads).toBe(0);
    fail = false;
    pager.ensure(0, 10);
    await flush();
    expect(pager.row(49)).toEqual([49, 'r49']);
    expect(loads).toBe(1);
  });

  it('ignores answers that arrive after dispose', async () => {
    const { calls, fetch } = manualFetch();
    let loads = 0;
    const pager = new RowPager(fetch, 100, { pageSize: 100, onLoad: () => (loads += 1) });
    pager.ensure(0, 10);
    pager.dispose();
    calls[0].resolve(rowsFor(0, 100));
    await flush();
    expect(loads).toBe(0);
    expect(pager.row(0)).toBeUndefined();
  });
});
