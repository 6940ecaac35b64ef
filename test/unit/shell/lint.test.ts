import * as assert from 'node:assert/strict';
import { lintCommand } from '../../../src/core/shell';

const at = (text: string): [string, string, string][] => lintCommand(text).map((i) => [i.severity, text.slice(i.column, i.column + i.length), i.message]);

describe('lintCommand', () => {
  describe('docker-compose options', () => {
    it('flags -e before up, and suggests setting the variable in the environment', () => {
      const text = 'docker-compose -f docker-compose.production.yml \\\n  -e "DOCKER_TAG=$PREVIOUS_TAG" up -d';
      assert.deepEqual(at(text), [
        [
          'error',
          '-e "DOCKER_TAG=$PREVIOUS_TAG"',
          '`-e` is not a docker-compose global option nor an option of `up`: it sets container variables for `docker-compose run` and `exec` only; ' +
            'to pass the variable to docker-compose, set it in its environment: `DOCKER_TAG=$PREVIOUS_TAG docker-compose -f docker-compose.production.yml up -d`',
        ],
      ]);
    });

    it('flags -e and --env after up too, for docker compose v2 as well, quoting values that need it', () => {
      const [issue] = lintCommand('docker compose up -d --env "MSG=hello world"');
      assert.equal(issue?.severity, 'error');
      assert.match(issue?.message ?? '', /`--env` is not a docker compose global option nor an option of `up`/);
      assert.match(issue?.message ?? '', /`MSG="hello world" docker compose up -d`/);
    });

    it('accepts -e where it belongs: docker-compose run and exec', () => {
      assert.deepEqual(lintCommand('docker-compose run --rm -e A=1 web ./manage.py migrate'), []);
      assert.deepEqual(lintCommand('docker compose exec -e A=1 web env'), []);
    });

    it('accepts the options of up, down, pull, build, logs, ps and restart, v1 and v2', () => {
      for (const text of [
        'docker-compose -f a.yml -f b.yml -p app --env-file .env up -d --build --remove-orphans --scale web=2',
        'docker compose --profile web --progress plain up --wait --wait-timeout 60 -d',
        'docker-compose down -v --rmi all --remove-orphans -t 5',
        'docker compose pull --quiet --ignore-pull-failures',
        'docker compose build --no-cache --pull --build-arg A=1 web',
        'docker-compose logs -f --tail 100 web',
        'docker compose ps -a --format json',
        'docker-compose restart -t 10 web',
        'docker compose -f a.yml up -d -f b.yml',
        'docker-compose config',
      ]) {
        assert.deepEqual(lintCommand(text), [], text);
      }
    });

    it('flags an option given before its subcommand, and unknown global options', () => {
      assert.deepEqual(at('docker-compose -d up'), [['error', '-d', '`-d` is an option of `up`: write it after `up`']]);
      assert.deepEqual(at('docker-compose --foo up'), [['error', '--foo', '`--foo` is not a docker-compose global option']]);
    });

    it('warns about unknown options of a known subcommand', () => {
      assert.deepEqual(at('docker compose up -d --detatch'), [['warning', '--detatch', '`--detatch` is not an option of `docker compose up`']]);
    });
  });

  describe('git push --delete', () => {
    it('flags a delete without a ref', () => {
      assert.deepEqual(at('git push origin --delete'), [['error', '--delete', '`git push --delete` needs the branch or tag to delete after the remote: `git push origin --delete <branch>`']]);
      assert.equal(lintCommand('git push -d').length, 1);
    });

    it('accepts a delete with a ref', () => {
      assert.deepEqual(lintCommand('git push origin --delete feature/x'), []);
      assert.deepEqual(lintCommand('git push --delete origin v1.0.0'), []);
    });
  });

  describe('docker container names', () => {
    it('flags an image tag given where docker wants a container', () => {
      assert.deepEqual(at('docker logs aidrive-dashboard:v1.0.0-rc1 > /tmp/failed.log'), [
        ['error', 'aidrive-dashboard:v1.0.0-rc1', '`aidrive-dashboard:v1.0.0-rc1` is not a container name: `:v1.0.0-rc1` is an image tag, and `docker logs` takes a container name or ID (`aidrive-dashboard`?)'],
      ]);
      assert.equal(lintCommand('docker stop web app:v1').length, 1);
    });

    it('accepts container names, image tags where images go, and names it cannot know', () => {
      for (const text of ['docker logs -f --tail 50 web', 'docker pull aidrive:$PREVIOUS_TAG', 'docker pull aidrive:v1.0.0', 'docker run --rm app:v1 echo a:b', 'docker exec web echo a:b', 'docker logs "$CONTAINER:x"']) {
        assert.deepEqual(lintCommand(text), [], text);
      }
    });
  });

  describe('shell syntax', () => {
    it('flags unterminated quotes, substitutions and heredocs', () => {
      assert.deepEqual(at('echo "oops'), [['error', '"oops', 'unterminated double quote']]);
      assert.deepEqual(at("echo 'oops"), [['error', "'oops", 'unterminated single quote']]);
      assert.deepEqual(lintCommand('echo $(date').map((i) => i.message), ['unterminated command substitution: missing `)`']);
      assert.deepEqual(lintCommand('echo ${HOME').map((i) => i.message), ['unterminated ${: missing `}`']);
      assert.deepEqual(lintCommand('cat <<EOF\nbody').map((i) => i.message), ['here-document is never terminated: add a line `EOF`']);
      assert.deepEqual(lintCommand('cat <<EOF').map((i) => i.message), ['here-document is never terminated: add a line `EOF`']);
    });

    it('does not flag placeholders, which are variables to fill in', () => {
      assert.deepEqual(lintCommand('curl -s https://api.example.com/<project-id>/status'), []);
      assert.deepEqual(lintCommand('git checkout <branch>'), []);
    });
  });
});
