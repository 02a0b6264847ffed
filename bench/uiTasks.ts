/**
 * What a long main-thread task was, for the UI bench: each task over 50 ms is named after the
 * app's own User Timing measures it overlaps (`chart <testid>: init|setOption|resize|frame`,
 * src-renderer/src/lib/charts/timing.ts) and, for the time no measure covers, after the entry
 * points Chromium's Long Animation Frames API attributes to it (a click handler, a promise
 * continuation, Svelte's microtask flush, a frame callback) and its style and layout.
 * All times are ms on the page's clock (performance.now()).
 */

export interface Span {
  readonly name: string;
  readonly start: number;
  readonly duration: number;
}

/** One script entry of a long animation frame (PerformanceScriptTiming). */
export interface FrameScript extends Span {
  readonly invokerType: string;
}

/** One long animation frame: its scripts and where its rendering started. */
export interface Frame extends Span {
  readonly renderStart: number;
  readonly styleAndLayoutStart: number;
  readonly scripts: readonly FrameScript[];
}

export interface NamedTask {
  readonly start: number;
  readonly duration: number;
  /** Main-thread CPU time of the task (ms), from the trace; undefined if the trace did not have it. */
  readonly cpu?: number;
  /** What the user had just done (the bench's step). */
  readonly step: string;
  /** The work in it, largest first: "chart roc-curve: setOption 62 ms; style+layout 12 ms". */
  readonly what: string;
}

const overlap = (a: Span, start: number, end: number): number =>
  Math.max(0, Math.min(a.start + a.duration, end) - Math.max(a.start, start));

/** A script entry point in words (invokers as Chromium names them, e.g. `DIV#app.onclick`). */
function scriptName(s: FrameScript): string {
  if (s.invokerType === 'event-listener') return `event ${s.name}`;
  if (s.invokerType === 'resolve-promise' || s.invokerType === 'reject-promise') return `promise ${s.name}`;
  if (s.name === 'VoidFunction') return 'microtask (Svelte update)';
  if (s.name === 'FrameRequestCallback') return 'animation frame callback';
  return `${s.invokerType} ${s.name}`;
}

/**
 * Names `task`: measures overlapping it (summed per name), then the rest by the marks in each
 * script entry point, or else by the entry point,
 * then style and layout of the frame it rendered; parts under 3 ms are left out.
 */
export function nameTask(
  task: Span,
  measures: readonly Span[],
  frames: readonly Frame[],
  marks: readonly Span[] = [],
): string {
  const end = task.start + task.duration;
  const parts = new Map<string, number>();
  const add = (name: string, ms: number) => parts.set(name, (parts.get(name) ?? 0) + ms);
  const mine = measures.filter((m) => overlap(m, task.start, end) > 0);
  for (const m of mine) add(m.name, overlap(m, task.start, end));
  for (const frame of frames) {
    if (overlap(frame, task.start, end) <= 0) continue;
    for (const s of frame.scripts) {
      const inScript = overlap(s, task.start, end);
      if (inScript <= 0) continue;
      const measured = mine.reduce((sum, m) => sum + overlap(m, s.start, s.start + s.duration), 0);
      // A script no measure covers is named by the app's marks inside it (e.g. the animation frame
      // in which ECharts laid out and painted a chart), else by its entry point.
      const named = marks.filter((m) => m.start >= s.start && m.start <= s.start + s.duration);
      const label = named.length ? named.map((m) => m.name).join(' + ') : scriptName(s);
      if (inScript - measured > 0) add(label, inScript - measured);
    }
    const layout = overlap(
      {
        name: '',
        start: frame.styleAndLayoutStart,
        duration: frame.start + frame.duration - frame.styleAndLayoutStart,
      },
      task.start,
      end,
    );
    if (frame.styleAndLayoutStart > 0 && layout > 0) add('style+layout', layout);
  }
  const listed = [...parts].filter(([, ms]) => ms >= 3).sort((a, b) => b[1] - a[1]);
  return listed.length ? listed.map(([n, ms]) => `${n} ${Math.round(ms)} ms`).join('; ') : 'unattributed';
}

/**
 * The step (a mark `step:<name>`) a task belongs to: the last one marked before it ends. A click's
 * mark is made while its own task runs, a few ms after the task began: counted from the task's
 * start, the Data view's click (and its mount) was put in the step before it, the case click.
 */
export function stepAt(task: Span, steps: readonly Span[]): string {
  let step = 'before the first step';
  for (const s of steps) if (s.start <= task.start + task.duration) step = s.name;
  return step;
}

/** A Chrome trace event: the fields `traceTasks`, `cpuTimes` and `taskSource` read. */
export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  /** Start and wall duration, µs on the trace's clock; `tdur` is the thread's CPU time in it. */
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: {
    readonly data?: { readonly startTime?: number };
    /** Where the task was posted from (a RunTask's args), e.g. `cc/trees/proxy_impl.cc`. */
    readonly src_file?: string;
    readonly src_func?: string;
  };
}

/**
 * For each task, the trace's `ThreadControllerImpl::RunTask` that is it (categories `toplevel` and
 * `blink.user_timing`): the one that starts within 2 ms of it on the page's main thread, the thread
 * whose user timing marks (`step:` marks, page clock in args.data.startTime) also give the offset
 * between the two clocks. undefined for a task the trace has no match for.
 */
export function traceTasks(
  tasks: readonly Span[],
  events: readonly TraceEvent[],
): (TraceEvent | undefined)[] {
  const marks = events.filter((e) => e.name.startsWith('step:') && e.args?.data?.startTime !== undefined);
  if (marks.length === 0) return tasks.map(() => undefined);
  const offsets = marks.map((m) => m.ts / 1000 - (m.args?.data?.startTime ?? 0)).sort((a, b) => a - b);
  const offset = offsets[offsets.length >> 1];
  const { pid, tid } = marks[0];
  const runs = events.filter(
    (e) =>
      e.name === 'ThreadControllerImpl::RunTask' && e.pid === pid && e.tid === tid && e.dur !== undefined,
  );
  return tasks.map((task) => {
    let best: TraceEvent | undefined;
    for (const e of runs) {
      const gap = Math.abs(e.ts / 1000 - offset - task.start);
      if (gap > 2) continue;
      // Of the tasks starting there, the one whose length is the long task's.
      if (
        !best ||
        Math.abs((e.dur ?? 0) / 1000 - task.duration) < Math.abs((best.dur ?? 0) / 1000 - task.duration)
      )
        best = e;
    }
    return best;
  });
}

/**
 * Each task's main-thread CPU time (ms) from its trace task (`traceTasks`): on a shared 2-core
 * machine a task's wall time includes the time its thread waited for a core; its CPU time is the work.
 * undefined for a task the trace has no match for.
 */
export function cpuTimes(tasks: readonly Span[], events: readonly TraceEvent[]): (number | undefined)[] {
  return traceTasks(tasks, events).map((e) => (e?.tdur !== undefined ? e.tdur / 1000 : undefined));
}

/** Chromium's posting sites in words, for the kinds of task the Long Animation Frames API leaves unnamed. */
const SOURCES: readonly [file: string, func: string, words: string][] = [
  // In the bench, the harness's IPC replies and events reach the page as DevTools messages.
  ['ipc/ipc_mojo_bootstrap.cc', 'Accept', 'IPC message (harness reply or event)'],
  ['main_thread_event_queue.cc', '', 'input event'],
  ['cc/trees/proxy_impl.cc', 'ScheduledActionSendBeginMainFrame', 'rendering a frame'],
  ['dom_timer.cc', '', 'timer'],
  ['v8/src/heap/', '', 'garbage collection'],
];

/**
 * What posted a trace task, for a task nothing else names: "unattributed" said only that the
 * page's own scripts were not its entry point (e.g. the harness's IPC replies arrive as DevTools
 * messages). Returns e.g. "IPC message (harness reply or event)", or the posting file and function.
 */
export function taskSource(e: TraceEvent | undefined): string | undefined {
  const file = e?.args?.src_file;
  const func = e?.args?.src_func ?? '';
  if (!file) return undefined;
  const known = SOURCES.find(([f, fn]) => file.includes(f) && func.includes(fn));
  return known ? known[2] : `${file.split('/').pop()} ${func}`;
}
