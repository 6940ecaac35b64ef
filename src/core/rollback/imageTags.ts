/**
 * Image tags a deploy command sets, read from its text as sent to the shell (run records keep it
 * that way): `DOCKER_TAG=v1.2.0 …` / `export IMAGE_TAG=v1.2.0`, `image: app:v1.2.0` (compose YAML
 * written by a heredoc or `sed`), and the image of `docker run … app:v1.2.0`. Values that hold a
 * shell expansion (`$PREVIOUS_TAG`) are not literal and are left out.
 */

/** Variables that name the image tag to deploy. */
export const TAG_VARIABLES: readonly string[] = ['DOCKER_TAG', 'IMAGE_TAG'];

const ASSIGNMENT = new RegExp(`(?:^|[\\s;&|(])(?:export\\s+)?(${TAG_VARIABLES.join('|')})=("[^"]*"|'[^']*'|[^\\s;&|)]*)`, 'g');
const COMPOSE_IMAGE = /(?:^|\s)image:\s*["']?([^\s"']+)/g;
const LITERAL_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** `docker run` flags that take no value; every other flag without `=` takes the next word. */
const BOOLEAN_FLAGS = new Set(['--rm', '--detach', '--interactive', '--tty', '--init', '--privileged', '--read-only', '--publish-all', '--no-healthcheck', '--sig-proxy']);

/** The tag of an image reference (`localhost:5000/app:v1` → `v1`); undefined without a tag or with a digest. */
export function imageTagOf(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  const colon = image.lastIndexOf(':');
  if (colon < 0) return undefined;
  const tag = image.slice(colon + 1);
  return LITERAL_TAG.test(tag) ? tag : undefined;
}

/** The repository part of an image reference (`localhost:5000/app:v1` → `localhost:5000/app`). */
export function imageNameOf(image: string): string {
  return imageTagOf(image) === undefined ? image : image.slice(0, image.lastIndexOf(':'));
}

function unquote(value: string): string {
  return /^(["']).*\1$/s.test(value) ? value.slice(1, -1) : value;
}

function dockerRunImage(text: string): string | undefined {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const at = words.findIndex((w, i) => w === 'run' && words[i - 1] === 'docker');
  if (at < 0) return undefined;
  for (let i = at + 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (!word.startsWith('-')) return unquote(word);
    if (/^-[ditP]+$/.test(word) || BOOLEAN_FLAGS.has(word) || word.includes('=')) continue;
    i++; // the flag's value
  }
  return undefined;
}

/** The literal image tags the command sets, in the order they appear; empty when none. */
export function deployedTags(text: string): string[] {
  const tags: string[] = [];
  for (const match of text.matchAll(ASSIGNMENT)) {
    const value = unquote(match[2] ?? '');
    if (LITERAL_TAG.test(value)) tags.push(value);
  }
  for (const match of text.matchAll(COMPOSE_IMAGE)) {
    const tag = imageTagOf(match[1] ?? '');
    if (tag !== undefined) tags.push(tag);
  }
  const image = dockerRunImage(text);
  const runTag = image === undefined ? undefined : imageTagOf(image);
  if (runTag !== undefined) tags.push(runTag);
  return tags;
}
