import { describe, expect, it } from 'vitest';
import { datasetPathFromArgv, isDatasetFile } from '../../src-main/services/launchArgs';

describe('data file on the command line', () => {
  it('finds the data file among the executable, switches and the dev app folder', () => {
    expect(
      datasetPathFromArgv(['/opt/Lime Lens/lime-lens', '--no-sandbox', '/data/cases.csv'], '/home/ana'),
    ).toBe('/data/cases.csv');
    expect(datasetPathFromArgv(['/usr/bin/electron', '.', 'data/iris.XLSX'], '/home/ana')).toBe(
      '/home/ana/data/iris.XLSX',
    );
    expect(datasetPathFromArgv(['lime-lens', 'a.csv', 'b.tsv'], '/w')).toBe('/w/b.tsv');
    expect(datasetPathFromArgv(['lime-lens', '--x', 'study.LimeLens'], '/w')).toBe('/w/study.LimeLens');
  });

  it('ignores arguments that are not data files', () => {
    expect(datasetPathFromArgv(['lime-lens'], '/w')).toBeNull();
    expect(datasetPathFromArgv(['lime-lens', '--inspect=9229', '--file=x.csv'], '/w')).toBeNull();
    expect(datasetPathFromArgv(['lime-lens.csv'], '/w')).toBeNull();
    expect(datasetPathFromArgv(['lime-lens', 'notes.docx', 'script.js'], '/w')).toBeNull();
  });

  it('accepts the extensions the loader reads', () => {
    expect(['a.csv', 'a.TSV', 'a.txt', 'a.xlsx'].map(isDatasetFile)).toEqual([true, true, true, true]);
    expect(['a.xls', 'a', 'a.json', 'csv'].map(isDatasetFile)).toEqual([false, false, false, false]);
  });
});
