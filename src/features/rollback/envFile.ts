import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { DesiredVersionReset } from '../../core/rollback';

/**
 * Resets the desired version where compose reads it: `KEY=value` in the `.env` file next to the
 * compose file (replaced when present, appended when not), so a later `docker-compose up` does
 * not roll forward again (Argo Rollouts' abort leaves the new version desired; we do not).
 */
export async function applyEnvReset(root: string, reset: DesiredVersionReset): Promise<string> {
  const file = path.resolve(root, reset.file);
  let text = '';
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const line = `${reset.key}=${reset.value}`;
  const pattern = new RegExp(`^${reset.key}=.*$`, 'm');
  const next = pattern.test(text) ? text.replace(pattern, line) : `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`;
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, next, 'utf8');
  return file;
}
