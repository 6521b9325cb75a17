import { describe, expect, it } from 'vitest';
import { parseBrief } from './parse-brief';
import { csvCell, toCsv } from './csv-safe';
import Papa from 'papaparse';

const HEADER = 'sku,colorway,category,fabric,silhouette,swatch';

describe('parseBrief (CSV)', () => {
  it('reads rows with spreadsheet row numbers, BOM, CRLF and quoted multi-line cells', () => {
    const text = `\uFEFF${HEADER},notes\r\nA1,Ink,wovens,poplin,shirt,ink,"line one\r\nline two"\r\nA2,"Sand, washed",denim,denim,jean,#c8b089,\r\n`;
    const { brief, issues } = parseBrief(text);
    expect(issues).toEqual([]);
    expect(brief.rows.map((r) => [r.row, r.sku, r.colorway])).toEqual([[2, 'A1', 'Ink'], [3, 'A2', 'Sand, washed']]);
    expect(brief.rows[0].notes).toBe('line one line two');
  });

  it('matches headers loosely and warns about unknown columns with a suggestion', () => {
    const { brief, issues } = parseBrief('SKU,Colourway,Category,Fabric,Fabric Weight,Silhouette,Swatch,Sourse Images\nA1,Ink,wovens,poplin,120,shirt,ink,x.jpg\n');
    expect(brief.rows[0]).toMatchObject({ colorway: 'Ink', fabricWeightGsm: 120, sourceImages: [] });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'warning', code: 'unknown_column', row: 1 });
    expect(issues[0].message).toContain('did you mean "source_images"');
  });

  it('stops with a clear error when a required column is missing', () => {
    const { brief, issues } = parseBrief('sku,colorway,category,fabric,silhouette\nA1,Ink,wovens,poplin,shirt\n');
    expect(brief.rows).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'missing_column', column: 'swatch', severity: 'error' })]);
  });

  it('reports every bad row with its row, column and reason, and keeps the good ones', () => {
    const text = [
      `${HEADER},fabric_weight,markets`,
      'A1,Ink,wovens,poplin,shirt,ink,120 gsm,DE',
      ',Ink,wovens,poplin,shirt,ink,,',
      'A3,Ink,Wovens!,poplin,shirt,ink,,',
      'A4,Ink,wovens,poplin,shirt,#12,,',
      'A5,Ink,wovens,poplin,shirt,ink,heavy,',
      'A6,Ink,wovens,poplin,shirt,ink,,UK',
      'A1,ink,wovens,poplin,shirt,ink,,',
      'A8,Ink,denim,denim,jean,ink,12 oz,FR;DE',
    ].join('\n');
    const { brief, issues } = parseBrief(text);
    expect(brief.rows.map((r) => r.sku)).toEqual(['A1', 'A8']);
    expect(brief.rows[1]).toMatchObject({ fabricWeightGsm: 407, fabricWeight: '12 oz/yd² (407 gsm)', markets: ['FR', 'DE'] });
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, 'sku', 'missing_value'],
      [4, 'category', 'invalid_cell'],
      [5, 'swatch', 'invalid_cell'],
      [6, 'fabric_weight', 'invalid_cell'],
      [7, 'markets', 'invalid_cell'],
      [8, 'sku', 'duplicate_sku'],
    ]);
    expect(issues.find((i) => i.row === 7)!.message).toContain('did you mean "GB"');
  });

  it('treats formula-looking cells as data and refuses paths outside the brief folder', () => {
    const text = `${HEADER},notes,source_images\nA1,Ink,wovens,poplin,shirt,ink,"=HYPERLINK(""http://x"",""y"")",ok.jpg\nA2,Ink,wovens,poplin,shirt,ink,,../../etc/passwd\nA3,Ink,wovens,poplin,shirt,ink,,/abs/path.jpg\n`;
    const { brief, issues } = parseBrief(text);
    expect(brief.rows.map((r) => r.sku)).toEqual(['A1']);
    expect(brief.rows[0].notes).toBe('=HYPERLINK("http://x","y")');
    expect(issues.map((i) => [i.row, i.column])).toEqual([[3, 'source_images'], [4, 'source_images']]);
  });

  it('reports an unterminated quote and reads the rows before it', () => {
    const { brief, issues } = parseBrief(`${HEADER}\nA1,Ink,wovens,poplin,shirt,ink\nA2,"Ink,wovens,poplin,shirt,ink\nA3,Ink,wovens,poplin,shirt,ink\n`);
    expect(brief.rows.map((r) => r.sku)).toEqual(['A1']);
    expect(issues[0]).toMatchObject({ row: 3, code: 'invalid_csv' });
  });

  it('says so when the file is empty', () => {
    expect(parseBrief('').issues[0]).toMatchObject({ row: null, code: 'invalid_file' });
  });
});

describe('parseBrief (JSON)', () => {
  it('reads an array of rows with list values', () => {
    const { brief, issues } = parseBrief(JSON.stringify({ rows: [{ sku: 'A1', colorway: 'Ink', category: 'wovens', fabric: 'poplin', silhouette: 'shirt', swatch: 'ink', channels: ['pdp-2x3', 'zoom'], fabricWeight: 120 }] }));
    expect(issues).toEqual([]);
    expect(brief.rows[0]).toMatchObject({ row: 1, channels: ['pdp-2x3', 'zoom'], fabricWeightGsm: 120 });
  });

  it('reports rows of the wrong shape', () => {
    const { brief, issues } = parseBrief(JSON.stringify([{ sku: 'A1', colorway: 'Ink', category: 'wovens', fabric: 'poplin', silhouette: 'shirt', swatch: { hex: '#000' } }, 'nope']));
    expect(brief.rows).toEqual([]);
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([[1, 'swatch', 'invalid_cell'], [2, null, 'invalid_row']]);
  });
});

describe('CSV output is formula-safe', () => {
  it('guards cells a spreadsheet would run, and round-trips through parsing', () => {
    expect(csvCell('=1+2')).toBe(`"'=1+2"`);
    expect(csvCell('+cmd')).toBe(`"'+cmd"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('-2')).toBe(`"'-2"`);
    expect(csvCell('plain')).toBe('plain');
    const csv = toCsv([[...HEADER.split(','), 'notes'], ['A1', 'Ink', 'wovens', 'poplin', 'shirt', 'ink', '=HYPERLINK("http://evil")']]);
    const cells = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data[1];
    expect(cells[6].startsWith("'=")).toBe(true);
    expect(parseBrief(csv).brief.rows[0].notes).toBe('=HYPERLINK("http://evil")');
  });
});
