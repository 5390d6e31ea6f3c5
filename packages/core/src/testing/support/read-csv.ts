/**
 * A plain RFC 4180 reader, written from the RFC and nothing else, for tests: fields separated by commas, records by
 * CRLF (a bare LF is accepted too, as R and pandas accept it), a field in double quotes may hold commas, line breaks
 * and doubled quotes. Throws on a quote inside an unquoted field or an unclosed quote, so a test fails on bad CSV.
 */
export function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let wasQuoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n')
          throw new Error(`readCsv: text after a closing quote at offset ${i}`);
      } else {
        field += c;
        i++;
      }
      continue;
    }
    if (c === '"') {
      if (field !== '' || wasQuoted)
        throw new Error(`readCsv: a quote inside an unquoted field at offset ${i}`);
      quoted = true;
      wasQuoted = true;
      i++;
    } else if (c === ',') {
      record.push(field);
      field = '';
      wasQuoted = false;
      i++;
    } else if (c === '\r' || c === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      wasQuoted = false;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('readCsv: a quoted field is not closed');
  if (field !== '' || record.length > 0 || wasQuoted) {
    record.push(field);
    records.push(record);
  }
  return records;
}
