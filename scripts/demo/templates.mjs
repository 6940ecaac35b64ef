// The files of the demo repository: its runbook (adapted from the seed, test/fixtures/workspaces/seed),
// CHANGELOG, Dockerfile, compose files and the process-mode deploy script. Pure functions of the
// demo's settings, so the generator and its tests agree on what is written.

/** @typedef {{ mode: 'docker' | 'process', ports: { staging: number, production: number }, image: string, project: string }} DemoSettings */

export const FEATURE_BRANCH = 'feature/resilience-hardening';
export const RELEASE_TAG = 'v1.0.0';
export const OLD_TAGS = ['v0.8.0', 'v0.9.0'];
export const DEPLOYED_TAG = 'v0.9.0';
export const ENVIRONMENTS = ['staging', 'production'];

/** @param {DemoSettings} s @param {'staging'|'production'} env */
export function composeFileOf(env) {
  return `deploy/${env}/docker-compose.${env}.yml`;
}

/** @param {DemoSettings} s @param {'staging'|'production'} env */
export function projectOf(s, env) {
  return `${s.project}-${env}`;
}

/** @param {DemoSettings} s @param {'staging'|'production'} env */
export function composeText(s, env) {
  const port = s.ports[env];
  const probe = `fetch('http://127.0.0.1:${port}/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`;
  return `# ${env}: the demo service from the image tagged DOCKER_TAG (set in .env next to this file;
# Deploy Pilot's rollback resets it, so a later \`up -d\` does not roll forward again).
# Host networking on 127.0.0.1:${port} only.
version: "2.4"
services:
  web:
    image: ${s.image}:\${DOCKER_TAG}
    network_mode: host
    restart: "no"
    command: ["--port", "${port}", "--host", "127.0.0.1", "--traffic-per-second", "20", "--app-version", "\${DOCKER_TAG}"]
    environment:
      FAULT: \${FAULT:-none}
    mem_limit: 256m
    healthcheck:
      test: ["CMD", "/usr/bin/node", "-e", ${JSON.stringify(probe)}]
      interval: 2s
      timeout: 1s
      retries: 3
`;
}

export const DOCKERFILE = `# The demo service on the local Node base image (scripts/docker-base-image.sh makes localnode:20
# from this machine's node: no registry needed).
FROM localnode:20
COPY service /app
ENTRYPOINT ["/usr/bin/node", "/app/server.js"]
`;

/** Process mode (no Docker engine): serves a release of the service as a plain background process. */
export function serveScript() {
  return `#!/usr/bin/env bash
# Process-mode deployment (used when no Docker engine answers): runs release TAG of the service
# for ENV as a background process, from a copy of the tag's files (git archive).
#   deploy/serve.sh ENV TAG      deploy TAG to ENV (stops what ran there)
#   deploy/serve.sh ENV --stop   stop ENV
set -euo pipefail
cd "$(dirname "$0")/.."
env_name=\${1:?usage: deploy/serve.sh staging|production TAG|--stop}
tag=\${2:?usage: deploy/serve.sh staging|production TAG|--stop}
case "$env_name" in
  staging) port=$(cat deploy/staging/port) ;;
  production) port=$(cat deploy/production/port) ;;
  *) echo "unknown environment: $env_name" >&2; exit 2 ;;
esac
pidfile=deploy/$env_name/service.pid
if [[ -f $pidfile ]]; then
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$pidfile"
fi
[[ $tag == --stop ]] && { echo "$env_name stopped"; exit 0; }
git rev-parse -q --verify "refs/tags/$tag" >/dev/null || { echo "no release tag $tag" >&2; exit 1; }
release=.releases/$tag
if [[ ! -f $release/service/server.js ]]; then
  mkdir -p "$release"
  git archive "$tag" service | tar -x -C "$release"
fi
echo "DOCKER_TAG=$tag" > "deploy/$env_name/.env"
nohup node "$release/service/server.js" --port "$port" --host 127.0.0.1 --traffic-per-second 20 --app-version "$tag" \\
  > "deploy/$env_name/service.log" 2>&1 &
echo $! > "$pidfile"
for _ in $(seq 50); do
  if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then echo "$env_name runs $tag on 127.0.0.1:$port"; exit 0; fi
  sleep 0.1
done
echo "$env_name did not answer on 127.0.0.1:$port; see deploy/$env_name/service.log" >&2
exit 1
`;
}

export function gitignoreText() {
  return `# Deployment state, not source: the desired tag of each environment and process-mode files.
deploy/*/.env
deploy/*/service.pid
deploy/*/service.log
.releases/
.deploy-pilot/
`;
}

export function readmeText(s) {
  return `# resilience-demo

A small web service released with Deploy Pilot's demo: \`GET /health\`, \`GET /metrics\`
(Prometheus text: \`http_requests_total\`, \`http_request_duration_seconds\` histogram,
\`process_resident_memory_bytes\`), \`GET /api/work\`, and a fault switch for demos:
\`POST /__fault\` with \`{"mode":"error500","errorRatio":0.5}\`, \`{"mode":"leak"}\`,
\`{"mode":"slow","delayMs":1500}\` or \`{"mode":"none"}\`.

- staging: http://127.0.0.1:${s.ports.staging}
- production: http://127.0.0.1:${s.ports.production}

The release procedure is [DEPLOYMENT_GUIDE.md](DEPLOYMENT_GUIDE.md).

## Start here (Deploy Pilot demo)

1. Open the **Deploy Pilot** view in the activity bar: the guide as a tree of
   steps, commands and checklists, with ▶ on each.
2. Or follow the walkthrough: *Help › Welcome › Walkthroughs › Deploy Pilot: Get
   Started* (or *Welcome: Open Walkthrough…* in the command palette).
3. Release v1.0.0: *Deploy Pilot: Run Preflight*, *Squash Merge Feature Branch*,
   *Insert CHANGELOG Entry*, *Create Release Tag*, *Push Branch and Tag*; then
   **DEPLOYMENT OPTIONS › OPTION A** block by block, *Start Monitoring* and
   *Open Dashboard*; finally **Demo: Simulate a Bad Release** and watch the
   automatic rollback bring v0.9.0 back.
`;
}

/** The CHANGELOG as of a release (Keep a Changelog). */
export function changelogText(upTo) {
  const entries = {
    'v0.8.0': `## [0.8.0] - 2026-10-02

### Added

- \`GET /health\` and \`GET /metrics\` (request counter and memory).
`,
    'v0.9.0': `## [0.9.0] - 2026-11-06

### Added

- \`GET /api/work\` and the request-duration histogram on \`/metrics\`.
- Docker image and compose files for staging and production.
`,
  };
  const order = OLD_TAGS.slice(0, OLD_TAGS.indexOf(upTo) + 1).reverse();
  return `# Changelog

All notable changes to this service are documented in this file.

The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

${order.map((t) => entries[t]).join('\n')}`;
}

/** The feature branch's commits: [message, path, content]. */
export const FEATURE_COMMITS = [
  ['fix: bound the stats buffer so memory stays flat', 'service/resilience.json', '{\n  "statsBufferLimit": 10000\n}\n'],
  ['feat: time out upstream calls after 5 s', 'service/resilience.json', '{\n  "statsBufferLimit": 10000,\n  "upstreamTimeoutMs": 5000\n}\n'],
  ['test: load test notes for the memory fix', 'docs/load-test.md', '# Load test\n\n1,000 requests: +0.9 MB resident; 93,400 requests on staging: +0.1 MB.\n'],
];

function deployBlock(s, env) {
  if (s.mode === 'process') {
    return `# Deploy ${RELEASE_TAG} to ${env} (plain process: no Docker engine on this machine)
./deploy/serve.sh ${env} ${RELEASE_TAG}`;
  }
  const file = composeFileOf(env);
  const project = projectOf(s, env);
  return `# Deploy ${RELEASE_TAG} to ${env}: make it the desired version (.env), then replace the containers
echo "DOCKER_TAG=${RELEASE_TAG}" > deploy/${env}/.env
docker-compose -p ${project} -f ${file} down
docker-compose -p ${project} -f ${file} up -d`;
}

function rollbackBlock(s) {
  const head = `# 1. Identify rollback version
PREVIOUS_TAG=$(git tag -l 'v*' | sort -V | tail -2 | head -1)
# Example: v0.9.0 (the previous stable version)
`;
  if (s.mode === 'process') {
    return `${head}
# 2. Put the previous release back on production
./deploy/serve.sh production $PREVIOUS_TAG

# 3. Verify rollback
curl -fsS --retry 10 --retry-connrefused --retry-delay 1 $PRODUCTION_URL/health`;
  }
  const file = composeFileOf('production');
  const project = projectOf(s, 'production');
  return `${head}
# 2. Stop current deployment
docker-compose -p ${project} -f ${file} down

# 3. Rollback to previous version (images are built locally: nothing to pull)
DOCKER_TAG=$PREVIOUS_TAG docker-compose -p ${project} -f ${file} up -d

# 4. Verify rollback
curl -fsS --retry 10 --retry-connrefused --retry-delay 1 $PRODUCTION_URL/health`;
}

function environmentConfig(s, env) {
  const lines = [
    `  ${env}:`,
    `    healthUrl: http://127.0.0.1:${s.ports[env]}/health`,
    `    metricsUrl: http://127.0.0.1:${s.ports[env]}/metrics`,
  ];
  if (s.mode === 'docker') {
    lines.push(`    composeFile: ${composeFileOf(env)}`, `    composeProject: ${projectOf(s, env)}`, '    services: [web]');
  }
  lines.push('    health:', '      interval: 2s', '      retries: 1', '      jsonPath: $.status', '      expected: ok');
  if (env === 'production') {
    lines.push('    autoRollback:', '      enabled: true', '      alerts: [HighErrorRate]', '      countdown: 15s');
  }
  return lines.join('\n');
}

/** The runbook: the seed's Phase 8 guide, with commands that work against the demo repository. */
export function runbookText(s) {
  const build = s.mode === 'docker'
    ? `# 1. Build Docker image
docker build -t ${s.image}:${RELEASE_TAG} .`
    : `# 1. Build: process mode runs the tag's files as they are (deploy/serve.sh copies them)
git archive ${RELEASE_TAG} service | tar -t | head -5`;
  return `---
# Deploy Pilot configuration (schema: Deploy Pilot's runbook-config.schema.json)
environments:
${environmentConfig(s, 'staging')}
${environmentConfig(s, 'production')}
variables:
  STAGING_URL: http://127.0.0.1:${s.ports.staging}
  PRODUCTION_URL: http://127.0.0.1:${s.ports.production}
alerts:
  - name: HighErrorRate
    condition: error_rate > 1%
    for: 10s
    severity: critical
  - name: SlowResponses
    condition: response_time_p95 > 1000ms
    for: 30s
    severity: warning
  - name: MemoryGrowth
    condition: memory_growth > 5% in 1 hour
    severity: warning
rollback:
  verify:
    consecutiveHealthy: 3
    timeout: 2m
---
# PHASE 8 EXECUTION: MERGE TO MASTER & DEPLOYMENT
## Step-by-Step Production Deployment Guide (Deploy Pilot demo)

---

## ⚡ Quick Start (For Experienced DevOps)

\`\`\`bash
# 1. Merge to master (squash)
git checkout master
git pull origin master
git merge --squash ${FEATURE_BRANCH}
git commit -m "feat: resilience hardening (bounded stats buffer, upstream timeouts)"

# 2. Create release tag
git tag -a ${RELEASE_TAG} -m "Release ${RELEASE_TAG}: resilience hardening"
git push origin master
git push origin ${RELEASE_TAG}

# 3. Cleanup
git branch -D ${FEATURE_BRANCH}
git push origin --delete ${FEATURE_BRANCH}

# 4. Verify
git log --oneline master | head -5
git tag -l | grep ${RELEASE_TAG}

# 5. Deploy (choose one option below)
\`\`\`

---

## 📋 Step-by-Step Detailed Guide

### STEP 1: Prepare Master Branch (5 minutes)

\`\`\`bash
# Switch to master
git checkout master

# Pull latest changes from remote
git pull origin master

# Verify no conflicts
git status
# Should show: "On branch master" with "nothing to commit"

# Check last few commits
git log --oneline -3 master
\`\`\`

**Expected Output**:
\`\`\`
On branch master
Your branch is up to date with 'origin/master'.

nothing to commit, working tree clean
\`\`\`

---

### STEP 2: Execute Merge (Choose One Option)

#### OPTION A: SQUASH MERGE (RECOMMENDED - Cleaner history)

\`\`\`bash
# Merge with squash (combines all commits into one)
git merge --squash ${FEATURE_BRANCH}

# Commit with descriptive message
git commit -m "feat: resilience hardening (bounded stats buffer, upstream timeouts)"

# Verify merge
git log --oneline master | head -1
\`\`\`

#### OPTION B: REGULAR MERGE (Keep full history)

\`\`\`bash
# Merge with all commits preserved
git merge ${FEATURE_BRANCH}

# Verify merge
git log --oneline master | head -5
\`\`\`

---

### STEP 3: Update CHANGELOG (5 minutes)

Run **Deploy Pilot: Insert CHANGELOG Entry**: it writes the entry for the next
version from the commits since the previous release. Then commit it:

\`\`\`bash
git add CHANGELOG.md
git commit -m "docs: CHANGELOG for ${RELEASE_TAG}"
\`\`\`

---

### STEP 4: Push to Remote (5 minutes)

\`\`\`bash
# Push master branch
git push origin master

# Verify push
git log --oneline origin/master | head -3
\`\`\`

---

### STEP 5: Create Release Tag (5 minutes)

\`\`\`bash
# Create annotated tag (recommended for production)
git tag -a ${RELEASE_TAG} -m "Release ${RELEASE_TAG}: resilience hardening"

# Push tag to remote
git push origin ${RELEASE_TAG}

# Verify tag
git tag -l | grep ${RELEASE_TAG}
\`\`\`

---

### STEP 6: Cleanup Feature Branch (2 minutes)

\`\`\`bash
# Delete local feature branch (squash-merged: -D)
git branch -D ${FEATURE_BRANCH}

# Delete remote feature branch
git push origin --delete ${FEATURE_BRANCH}

# List remaining branches
git branch -a
\`\`\`

---

## 🚀 DEPLOYMENT OPTIONS (After Merge)

### OPTION A: Staged Deployment (RECOMMENDED)

**Best for production safety.** Staging first, production once staging is healthy.

\`\`\`bash
${build}
\`\`\`

\`\`\`bash
${deployBlock(s, 'staging')}
\`\`\`

\`\`\`bash
# Smoke test staging
curl -fsS --retry 10 --retry-connrefused --retry-delay 1 $STAGING_URL/health
\`\`\`

Watch staging on the dashboard (**Deploy Pilot: Open Dashboard**): memory
stable, error rate < 0.5 %, normal response times. Then production:

\`\`\`bash
${deployBlock(s, 'production')}
\`\`\`

\`\`\`bash
# Verify production
curl -fsS --retry 10 --retry-connrefused --retry-delay 1 $PRODUCTION_URL/health
\`\`\`

### OPTION B: Direct Production Deployment

**Faster but riskier.** Skips staging.

\`\`\`bash
${deployBlock(s, 'production')}
curl -fsS --retry 10 --retry-connrefused --retry-delay 1 $PRODUCTION_URL/health
\`\`\`

---

## ✅ Post-Deployment Validation

### Immediate Checks (First 5 minutes)

\`\`\`bash
# 1. Health check
curl -fsS --retry 10 --retry-connrefused --retry-delay 1 $PRODUCTION_URL/health

# 2. Check metrics collection
curl -fsS $PRODUCTION_URL/metrics | head -20
\`\`\`

### Extended Monitoring (First 24 hours)

\`\`\`bash
# Set up alerts for:
ALERT_CONDITIONS=(
  "memory_growth > 5% in 1 hour"
  "error_rate > 1%"
  "response_time_p95 > 1000ms"
)
\`\`\`

---

## 🧪 Demo: Simulate a Bad Release

Switches production's service into failing mode: half of its requests answer 500.
With monitoring on, HighErrorRate fires after 10 s and the automatic rollback
counts down 15 s (Cancel stops it), then puts the previous release back.

\`\`\`bash
curl -fsS -X POST $PRODUCTION_URL/__fault -d '{"mode":"error500","errorRatio":0.5}'
\`\`\`

---

## 🔄 Rollback Procedures (If Needed)

### Quick Rollback (< 15 minutes)

**If critical issue detected within first hour** (or run **Deploy Pilot: Roll Back…**):

\`\`\`bash
${rollbackBlock(s)}
\`\`\`

---

## 📊 Success Criteria

### First Hour
- [ ] Application started successfully
- [ ] Health check endpoint responding (HTTP 200)
- [ ] Error rate < 0.5%
- [ ] Memory usage stable ±2%

---

## 📝 Sign-Off Checklist

**Before starting deployment, ensure**:

- [ ] All tests passing
- [ ] Code review approved
- [ ] Monitoring configured
- [ ] Rollback plan ready
- [ ] On-call team available

---

**Status**: ✅ READY FOR EXECUTION
`;
}

/** Workspace settings: monitoring that moves at demo speed. */
export function vscodeSettingsText() {
  return `${JSON.stringify(
    {
      'deployPilot.runbook': 'DEPLOYMENT_GUIDE.md',
      'deployPilot.monitoring.scrapeInterval': 2,
      'deployPilot.monitoring.evaluationInterval': 2,
      'deployPilot.monitoring.rateWindow': 10,
      'git.openRepositoryInParentFolders': 'never',
    },
    null,
    2,
  )}\n`;
}
