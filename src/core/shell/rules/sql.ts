import { destructive } from './findings';
import type { Finding } from './findings';

/** The words of each SQL statement, lower-cased; strings, quoted names and comments skipped. */
function sqlStatements(sql: string): string[][] {
  const statements: string[][] = [[]];
  let i = 0;
  while (i < sql.length) {
    const c = sql.charAt(i);
    if (c === ';') {
      statements.push([]);
      i++;
    } else if (c === "'" || c === '"' || c === '`') {
      const close = sql.indexOf(c, i + 1);
      i = close < 0 ? sql.length : close + 1;
    } else if (c === '-' && sql.charAt(i + 1) === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl + 1;
    } else if (c === '/' && sql.charAt(i + 1) === '*') {
      const close = sql.indexOf('*/', i + 2);
      i = close < 0 ? sql.length : close + 2;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < sql.length && /[A-Za-z0-9_]/.test(sql.charAt(j))) j++;
      statements[statements.length - 1]?.push(sql.slice(i, j).toLowerCase());
      i = j;
    } else {
      i++;
    }
  }
  return statements.filter((s) => s.length > 0);
}

function statementFinding(words: readonly string[]): Finding | undefined {
  const [verb, object] = words;
  switch (verb) {
    case 'drop':
      return destructive(object !== undefined ? `drops a ${object} (DROP ${object.toUpperCase()})` : 'drops a database object (DROP)', 3);
    case 'truncate':
      return destructive('empties a table (TRUNCATE)', 3);
    case 'delete':
      return words.includes('where') ? destructive('deletes rows (DELETE … WHERE)') : destructive('deletes every row of a table (DELETE without WHERE)', 3);
    case 'update':
      return words.includes('where') ? undefined : destructive('overwrites every row of a table (UPDATE without WHERE)');
    case 'alter':
      return words.includes('drop') ? destructive('drops part of a table (ALTER … DROP)', 3) : undefined;
    default:
      return undefined;
  }
}

/** The heaviest destructive SQL statement in `sql`: DROP, TRUNCATE, DELETE, UPDATE without WHERE. */
export function sqlFinding(sql: string): Finding | undefined {
  let worst: Finding | undefined;
  for (const words of sqlStatements(sql)) {
    const f = statementFinding(words);
    if (f && (!worst || f.weight > worst.weight)) worst = f;
  }
  return worst;
}
