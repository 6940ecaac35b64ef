import { readFileSync } from 'node:fs';
import { parseRunbook, tokenize } from '../src/core/runbook';
import { SEED_RUNBOOK } from '../test/repoPaths';
import { measure, round } from './measure';

/** A generated runbook of at least `bytes`: the seed's sections repeated under numbered phases. */
export function generateRunbook(seed: string, bytes: number): string {
  const body = seed.slice(seed.indexOf('\n## '));
  const parts = ['# Generated release guide\n'];
  let size = parts[0]?.length ?? 0;
  for (let phase = 1; size < bytes; phase++) {
    const chunk = `\n## Phase ${phase}\n${body.replace(/^(#{2,5}) /gm, '#$1 ').replace(/STEP (\d)/g, `STEP ${phase}.$1`)}`;
    parts.push(chunk);
    size += Buffer.byteLength(chunk);
  }
  return parts.join('');
}

export function benchParse(): Record<string, unknown> {
  const seed = readFileSync(SEED_RUNBOOK, 'utf8');
  const big = generateRunbook(seed, 1024 * 1024);
  const result: Record<string, unknown> = {};
  for (const [name, text, runs] of [
    ['seed', seed, 200],
    ['generated1MB', big, 15],
  ] as const) {
    const tokenizeTime = measure(() => tokenize(text), runs);
    const parseTime = measure(() => parseRunbook(text), runs);
    result[name] = {
      bytes: Buffer.byteLength(text),
      lines: text.split('\n').length,
      markdownItTokenize: tokenizeTime,
      parseRunbook: parseTime,
      ratioMedian: round(parseTime.medianMs / tokenizeTime.medianMs, 2),
      target: 'parseRunbook within 1.5x of the bare markdown-it tokenize',
    };
  }
  return result;
}
