import { describe, expect, it } from 'vitest';
import {
  cpuTimes,
  nameTask,
  stepAt,
  taskSource,
  traceTasks,
  type Frame,
  type TraceEvent,
} from '../../bench/uiTasks';

const frame = (over: Partial<Frame>): Frame => ({
  name: '',
  start: 0,
  duration: 100,
  renderStart: 0,
  styleAndLayoutStart: 0,
  scripts: [],
  ...over,
});

describe('UI bench: naming a long task', () => {
  it('names a task by the chart measures it overlaps, largest first, clipped to the task', () => {
    const measures = [
      { name: 'chart roc-curve: setOption', start: 10, duration: 30 },
      { name: 'chart pr-curve: setOption', start: 40, duration: 50 },
      // Ends inside the task: only its 5 ms in the task count.
      { name: 'chart lime-weights: init', start: 0, duration: 15 },
      // Outside the task.
      { name: 'chart class-chart: init', start: 200, duration: 40 },
    ];
    expect(nameTask({ name: '', start: 10, duration: 80 }, measures, [])).toBe(
      'chart pr-curve: setOption 50 ms; chart roc-curve: setOption 30 ms; chart lime-weights: init 5 ms',
    );
  });

  it('names uncovered script time by the marks inside it, else by its entry point; adds style and layout', () => {
    const frames = [
      frame({
        start: 0,
        duration: 120,
        styleAndLayoutStart: 100,
        scripts: [
          { name: 'FrameRequestCallback', invokerType: 'user-callback', start: 5, duration: 60 },
          { name: 'DIV#app.onclick', invokerType: 'event-listener', start: 70, duration: 25 },
        ],
      }),
    ];
    const marks = [{ name: 'chart correlation-heatmap: paint', start: 64, duration: 0 }];
    const measures = [{ name: 'chart correlation-heatmap: resize', start: 5, duration: 20 }];
    expect(nameTask({ name: '', start: 0, duration: 120 }, measures, frames, marks)).toBe(
      'chart correlation-heatmap: paint 40 ms; event DIV#app.onclick 25 ms; ' +
        'chart correlation-heatmap: resize 20 ms; style+layout 20 ms',
    );
  });

  it('says so when nothing names a task, and leaves out parts under 3 ms', () => {
    expect(
      nameTask({ name: '', start: 0, duration: 60 }, [{ name: 'chart x: init', start: 0, duration: 2 }], []),
    ).toBe('unattributed');
  });

  it('puts a task in the last step marked before it ends: a click is marked inside its own task', () => {
    const steps = [
      { name: 'click train-button', start: 100, duration: 0 },
      { name: 'click view-explain', start: 300, duration: 0 },
    ];
    const task = (start: number, duration = 60) => ({ name: '', start, duration });
    expect(stepAt(task(20), steps)).toBe('before the first step');
    expect(stepAt(task(100), steps)).toBe('click train-button');
    expect(stepAt(task(200, 99), steps)).toBe('click train-button');
    // The view-explain click's task began 2 ms before its mark.
    expect(stepAt(task(298), steps)).toBe('click view-explain');
    expect(stepAt(task(301), steps)).toBe('click view-explain');
  });

  it("takes a task's CPU time from the trace task that starts with it on the page's main thread", () => {
    // The page clock is the trace clock (µs) less 1000 ms here.
    const mark = (name: string, ms: number): TraceEvent => ({
      name,
      ph: 'I',
      ts: (ms + 1000) * 1000,
      pid: 7,
      tid: 7,
      args: { data: { startTime: ms } },
    });
    const run = (ms: number, dur: number, tdur: number, tid = 7): TraceEvent => ({
      name: 'ThreadControllerImpl::RunTask',
      ph: 'X',
      ts: (ms + 1000) * 1000,
      dur: dur * 1000,
      tdur: tdur * 1000,
      pid: 7,
      tid,
    });
    const events = [
      mark('step:click view-model', 100),
      mark('step:click train-button', 400),
      run(500.4, 3, 2),
      run(500.5, 80, 30),
      // Another thread of the renderer, same start.
      run(500.5, 81, 81, 9),
      run(900, 60, 55),
    ];
    const tasks = [
      { name: '', start: 500, duration: 80 },
      { name: '', start: 900.6, duration: 60 },
      { name: '', start: 1500, duration: 70 },
    ];
    expect(cpuTimes(tasks, events)).toEqual([30, 55, undefined]);
    expect(cpuTimes(tasks, events.slice(2))).toEqual([undefined, undefined, undefined]);
  });
});

describe('UI bench: what posted a task nothing else names', () => {
  const posted = (src_file: string, src_func: string): TraceEvent => ({
    name: 'ThreadControllerImpl::RunTask',
    ph: 'X',
    ts: 0,
    pid: 1,
    tid: 1,
    args: { src_file, src_func },
  });

  it('names the posting sites the bench meets in words, and any other by its file and function', () => {
    expect(taskSource(posted('ipc/ipc_mojo_bootstrap.cc', 'Accept'))).toBe(
      'IPC message (harness reply or event)',
    );
    expect(taskSource(posted('cc/trees/proxy_impl.cc', 'ScheduledActionSendBeginMainFrame'))).toBe(
      'rendering a frame',
    );
    expect(taskSource(posted('third_party/blink/renderer/core/scheduler/dom_timer.cc', 'DOMTimer'))).toBe(
      'timer',
    );
    expect(taskSource(posted('v8/src/heap/minor-gc-job.cc', 'TryScheduleTask'))).toBe('garbage collection');
    expect(taskSource(posted('third_party/blink/renderer/core/dom/idle_deadline.cc', 'Post'))).toBe(
      'idle_deadline.cc Post',
    );
    expect(taskSource(undefined)).toBeUndefined();
  });

  it('finds the same trace task cpuTimes reads', () => {
    const mark: TraceEvent = {
      name: 'step:click x',
      ph: 'I',
      ts: 1_000_000,
      pid: 7,
      tid: 7,
      args: { data: { startTime: 0 } },
    };
    const run: TraceEvent = {
      ...posted('dom_timer.cc', 'DOMTimer'),
      ts: 1_100_000,
      dur: 60_000,
      tdur: 40_000,
      pid: 7,
      tid: 7,
    };
    const tasks = [{ name: '', start: 100, duration: 60 }];
    expect(traceTasks(tasks, [mark, run])).toEqual([run]);
    expect(taskSource(traceTasks(tasks, [mark, run])[0])).toBe('timer');
  });
});
