import * as assert from 'node:assert/strict';
import { isSessionLanguage, isShellLanguage, looksLikeShell } from '../../../src/core/shell';

describe('isShellLanguage and isSessionLanguage', () => {
  it('accepts POSIX shell scripts and terminal sessions, any case', () => {
    for (const lang of ['bash', 'sh', 'shell', 'zsh', 'ksh', 'dash', 'ash', 'shellscript', 'shell-script', 'console', 'shell-session', 'shellsession', 'sh-session', 'BASH', ' Bash ']) {
      assert.equal(isShellLanguage(lang), true, lang);
    }
  });

  it('rejects fish, PowerShell, cmd and non-shell languages, and the empty info string', () => {
    for (const lang of ['fish', 'powershell', 'pwsh', 'ps1', 'cmd', 'bat', 'python', 'yaml', 'json', 'markdown', 'text', '']) {
      assert.equal(isShellLanguage(lang), false, lang);
    }
  });

  it('tells sessions from scripts', () => {
    assert.equal(isSessionLanguage('console'), true);
    assert.equal(isSessionLanguage('shell-session'), true);
    assert.equal(isSessionLanguage('bash'), false);
  });
});

describe('looksLikeShell', () => {
  it('accepts blocks made mostly of known commands, script paths and assignments', () => {
    assert.equal(looksLikeShell('git pull\ndocker-compose up -d\nkubectl get pods\n'), true);
    assert.equal(looksLikeShell('# deploy\nexport TAG=v1\nTAG2=$(date)\n./deploy.sh "$TAG"\n/opt/app/bin/migrate\n'), true);
    assert.equal(looksLikeShell('sudo systemctl restart nginx\ncurl -s http://x | jq .\nunknown-tool --flag\n'), true);
    assert.equal(looksLikeShell('$ npm ci\nadded 1 package in 2s\n$ npm test\n'), true);
  });

  it('rejects command output, prose, trees, YAML and JSON', () => {
    assert.equal(looksLikeShell("On branch master\nYour branch is up to date with 'origin/master'.\n\nnothing to commit, working tree clean\n"), false);
    assert.equal(looksLikeShell('Merge to Master:     ~20 minutes\n  ├─ Prepare branch:     2 min\n  └─ Cleanup:            2 min\n\nTOTAL:               ~3-4 hours\n'), false);
    assert.equal(looksLikeShell('version: "3.8"\nservices:\n  web:\n    image: nginx:1.25\n    ports:\n      - "80:80"\n'), false);
    assert.equal(looksLikeShell('{\n  "name": "deploy-pilot",\n  "version": "0.1.0"\n}\n'), false);
    assert.equal(looksLikeShell('[\n  {"a": 1}\n]\n'), false);
    assert.equal(looksLikeShell("Don't run this on Fridays.\nAsk the on-call first.\n"), false);
    assert.equal(looksLikeShell(''), false);
    assert.equal(looksLikeShell('# only a comment\n'), false);
  });

  it('needs more than half of the commands to look like shell', () => {
    assert.equal(looksLikeShell('git status\nsome prose here\n'), false);
    assert.equal(looksLikeShell('git status\nls\nsome prose here\n'), true);
  });
});
