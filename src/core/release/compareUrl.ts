/** Where a git remote lives: the web origin (`https://host[:port]`) and the repository path. */
interface RemoteLocation {
  origin: string;
  hostname: string;
  segments: string[];
}

const SCP_LIKE = /^(?:[^@/\s]+@)?(?<host>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+):(?!\/\/)(?<path>[^\s]+)$/;

function repoSegments(path: string): string[] {
  return path
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.git$/, '')
    .split('/')
    .filter((s) => s.length > 0);
}

function parseRemote(remoteUrl: string): RemoteLocation | undefined {
  const trimmed = remoteUrl.trim();
  const scp = SCP_LIKE.exec(trimmed)?.groups;
  if (scp) {
    const hostname = (scp['host'] ?? '').toLowerCase();
    return { origin: `https://${hostname}`, hostname, segments: repoSegments(scp['path'] ?? '') };
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  const hostname = url.hostname.toLowerCase();
  if (!hostname) return undefined;
  const web = url.protocol === 'https:' || url.protocol === 'http:';
  if (!web && !['ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(url.protocol)) return undefined;
  // Credentials (`https://user:token@host/…`) are never copied into the link.
  const origin = web ? `${url.protocol}//${url.host.toLowerCase()}` : `https://${hostname}`;
  return { origin, hostname, segments: repoSegments(decodeURIComponent(url.pathname)) };
}

function ref(tag: string): string {
  return encodeURIComponent(tag).replace(/%2F/gi, '/');
}

/**
 * Web link comparing two tags on a known forge, from an https or ssh remote URL
 * (`https://github.com/o/r.git`, `git@github.com:o/r.git`, `ssh://git@host:22/o/r.git`):
 * - GitHub (github.com, hosts containing "github"): `https://github.com/o/r/compare/v1.0.0...v1.1.0`
 * - GitLab (gitlab.com, hosts containing "gitlab", subgroups allowed): `…/group/sub/r/-/compare/v1.0.0...v1.1.0`
 * - Bitbucket Cloud (bitbucket.org): `https://bitbucket.org/o/r/branches/compare/v1.1.0%0Dv1.0.0`
 * - Gitea / Forgejo / Codeberg (codeberg.org, gitea.com, hosts containing "gitea" or "forgejo"):
 *   `https://codeberg.org/o/r/compare/v1.0.0...v1.1.0`
 * Undefined for unknown hosts, local paths and `file:` URLs.
 */
export function compareUrl(remoteUrl: string, from: string, to: string): string | undefined {
  const remote = parseRemote(remoteUrl);
  if (!remote) return undefined;
  const { origin, hostname, segments } = remote;
  const path = segments.join('/');
  const ownerRepo = segments.length === 2;
  if (hostname === 'gitlab.com' || hostname.includes('gitlab')) {
    return segments.length >= 2 ? `${origin}/${path}/-/compare/${ref(from)}...${ref(to)}` : undefined;
  }
  if (!ownerRepo) return undefined;
  if (hostname === 'github.com' || hostname.includes('github')) return `${origin}/${path}/compare/${ref(from)}...${ref(to)}`;
  if (hostname === 'bitbucket.org') return `${origin}/${path}/branches/compare/${ref(to)}%0D${ref(from)}`;
  if (['codeberg.org', 'gitea.com'].includes(hostname) || hostname.includes('gitea') || hostname.includes('forgejo')) {
    return `${origin}/${path}/compare/${ref(from)}...${ref(to)}`;
  }
  return undefined;
}
