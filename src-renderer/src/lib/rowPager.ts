/**
 * Paged row cache for the virtualized data table. Rows come from main in pages; the pager keeps
 * the most recently used pages, asks for at most `maxInFlight` pages at a time, and when the user
 * scrolls on before a page arrives it drops the requests that are no longer wanted ("latest wins"),
 * so a fast fling over 100 000 rows does not queue hundreds of requests.
 */

export type Cell = string | number | null;
export type Row = readonly Cell[];

export type FetchPage = (offset: number, limit: number) => Promise<readonly Row[] | null>;

export interface RowPagerOptions {
  readonly pageSize?: number;
  /** Pages kept in memory (least recently used are dropped). */
  readonly maxPages?: number;
  readonly maxInFlight?: number;
  /** Called after a page arrived (the view re-reads its visible rows). */
  readonly onLoad?: () => void;
}

export class RowPager {
  readonly pageSize: number;
  private readonly maxPages: number;
  private readonly maxInFlight: number;
  private readonly onLoad: () => void;
  /** Map order is recency order: re-inserting a page marks it most recently used. */
  private readonly pages = new Map<number, readonly Row[]>();
  private readonly inFlight = new Set<number>();
  private wanted: number[] = [];
  private disposed = false;

  constructor(
    private readonly fetchPage: FetchPage,
    readonly rowCount: number,
    options: RowPagerOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 200;
    this.maxPages = Math.max(2, options.maxPages ?? 40);
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 2);
    this.onLoad = options.onLoad ?? (() => {});
  }

  /** The cached row, or undefined while its page is not loaded. */
  row(index: number): Row | undefined {
    const p = Math.floor(index / this.pageSize);
    return this.pages.get(p)?.[index - p * this.pageSize];
  }

  get cachedPages(): number[] {
    return [...this.pages.keys()];
  }

  get pendingPages(): number[] {
    return [...this.inFlight];
  }

  /** Makes rows first..last (inclusive) available, plus one page of look-ahead on each side. */
  ensure(first: number, last: number): void {
    if (this.disposed || this.rowCount === 0) return;
    const lastPage = Math.ceil(this.rowCount / this.pageSize) - 1;
    const from = Math.max(0, Math.floor(Math.max(0, first) / this.pageSize) - 1);
    const to = Math.min(lastPage, Math.floor(Math.min(this.rowCount - 1, last) / this.pageSize) + 1);
    const visibleFrom = Math.floor(Math.max(0, first) / this.pageSize);
    const visibleTo = Math.floor(Math.min(this.rowCount - 1, last) / this.pageSize);
    const needed: number[] = [];
    // Visible pages first, then the look-ahead ones.
    for (let p = visibleFrom; p <= visibleTo; p++) needed.push(p);
    for (let p = from; p <= to; p++) if (p < visibleFrom || p > visibleTo) needed.push(p);
    for (const p of needed) {
      const page = this.pages.get(p);
      if (page) {
        this.pages.delete(p);
        this.pages.set(p, page);
      }
    }
    this.wanted = needed.filter((p) => !this.pages.has(p) && !this.inFlight.has(p));
    this.pump();
  }

  /** Stops all future loads (the table was closed or the dataset changed). */
  dispose(): void {
    this.disposed = true;
    this.wanted = [];
    this.pages.clear();
  }

  private pump(): void {
    while (!this.disposed && this.inFlight.size < this.maxInFlight && this.wanted.length > 0) {
      const p = this.wanted.shift() as number;
      void this.load(p);
    }
  }

  private async load(p: number): Promise<void> {
    this.inFlight.add(p);
    let rows: readonly Row[] | null = null;
    try {
      const offset = p * this.pageSize;
      rows = await this.fetchPage(offset, Math.min(this.pageSize, this.rowCount - offset));
    } catch {
      rows = null;
    }
    this.inFlight.delete(p);
    if (this.disposed) return;
    if (rows) {
      this.pages.set(p, rows);
      while (this.pages.size > this.maxPages) {
        const oldest = this.pages.keys().next().value as number;
        this.pages.delete(oldest);
      }
      this.onLoad();
    }
    this.pump();
  }
}
