import * as assert from 'node:assert/strict';
import { findVariables, isWellKnownShellVariable } from '../../../src/core/shell';
import type { VariableRef } from '../../../src/core/shell';

const brief = (text: string): string[] =>
  findVariables(text).map((v) => `${v.kind}:${v.name}@${v.column}${v.defaultValue !== undefined ? ` default=${v.defaultValue}` : ''}${v.value !== undefined ? ` value=${v.value}` : ''}`);

describe('findVariables', () => {
  describe('env references', () => {
    it('finds $VAR and ${VAR} with their columns', () => {
      assert.deepEqual(brief('docker pull aidrive:$TAG && echo ${REGISTRY}/x'), ['env:TAG@20', 'env:REGISTRY@33']);
    });

    it('captures the default of ${VAR:-default}, ${VAR-default}, ${VAR:=default}, outer quotes removed', () => {
      assert.deepEqual(brief('echo ${PORT:-8080} ${HOST-localhost} ${ENV:="prod"} ${EMPTY:-} ${REQ:?missing}'), [
        'env:PORT@5 default=8080',
        'env:HOST@19 default=localhost',
        'env:ENV@37 default=prod',
        'env:EMPTY@52 default=',
        'env:REQ@63',
      ]);
    });

    it('finds references nested in defaults, substitutions, arithmetic and double quotes', () => {
      assert.deepEqual(brief('echo "${A:-$B}" "$(cat $FILE)" $((N + $M)) `echo $C`'), ['env:A@6 default=$B', 'env:B@11', 'env:FILE@23', 'env:M@38', 'env:C@49']);
    });

    it('finds ${#VAR} and ${!VAR} as the variable they name', () => {
      assert.deepEqual(brief('echo ${#LIST} ${!REF}'), ['env:LIST@5', 'env:REF@14']);
    });

    it('ignores single-quoted text, escaped dollars, awk programs and special or positional parameters', () => {
      assert.deepEqual(brief("echo '$NOPE' \\$ALSO_NOT $1 ${10} $? $@ $# $$ $! $* $- $0 $_ \"$\" $"), []);
      assert.deepEqual(brief("git log | awk '{print $1, $NF}' | sed 's/$HOME//'"), []);
      assert.deepEqual(brief('awk "{print \\$1}" file'), []);
    });

    it('expands in unquoted heredocs only', () => {
      assert.deepEqual(brief('cat <<EOF\nhost: $HOST\nEOF'), ['env:HOST@16']);
      assert.deepEqual(brief("cat <<'EOF'\nhost: $HOST\nEOF"), []);
      assert.deepEqual(brief('cat <<"EOF"\nhost: $HOST\nEOF'), []);
    });

    it('lists every occurrence, well-known variables included', () => {
      assert.deepEqual(brief('cd $HOME && echo $TAG $TAG'), ['env:HOME@3', 'env:TAG@17', 'env:TAG@22']);
      assert.equal(isWellKnownShellVariable('HOME'), true);
      assert.equal(isWellKnownShellVariable('PATH'), true);
      assert.equal(isWellKnownShellVariable('API_KEY'), false);
    });
  });

  describe('placeholders', () => {
    it('finds <name> placeholders, quoted or not, in the middle of a word too', () => {
      assert.deepEqual(brief('git checkout <branch-name> && docker pull aidrive:<TAG>'), ['placeholder:branch-name@13', 'placeholder:TAG@50']);
      assert.deepEqual(brief('curl -H "Authorization: Bearer <your-token>" https://x/<org.name>/api'), ['placeholder:your-token@31', 'placeholder:org.name@55']);
      assert.deepEqual(brief("psql -c 'select * from <table>'"), ['placeholder:table@23']);
      assert.deepEqual(brief("curl -d '<body>' x"), ['placeholder:body@9']);
    });

    it('does not take redirections, process substitution, heredoc operators or HTML for placeholders', () => {
      assert.deepEqual(brief('sort < in.txt > out.txt 2>&1'), []);
      assert.deepEqual(brief('diff <(ls a) <(ls b)'), []);
      assert.deepEqual(brief('cat <<EOF\nbody\nEOF'), []);
      assert.deepEqual(brief('cat<in.txt'), []);
      assert.deepEqual(brief("echo '<p>Hello</p><br>' '<div class=\"x\">'"), []);
      assert.deepEqual(brief("echo '<title>Deploy</title>' '<title>'"), []);
      assert.deepEqual(brief('echo "a <= b" "x < y > z"'), []);
    });
  });

  describe('assignments', () => {
    it('finds NAME=value and NAME=$(...) at command start with the raw right-hand side', () => {
      assert.deepEqual(findVariables("PREVIOUS_TAG=$(git tag -l 'v*' | sort -V | tail -2 | head -1)"), [
        { name: 'PREVIOUS_TAG', kind: 'assignment', column: 0, value: "$(git tag -l 'v*' | sort -V | tail -2 | head -1)" },
      ] satisfies VariableRef[]);
      assert.deepEqual(brief('A=1 B="two words" C+=x run $A'), ['assignment:A@0 value=1', 'assignment:B@4 value="two words"', 'assignment:C@18 value=x', 'env:A@27']);
    });

    it('finds export, declare, local, readonly and env assignments', () => {
      assert.deepEqual(brief('export TAG=v1 PORT'), ['assignment:TAG@7 value=v1']);
      assert.deepEqual(brief('declare -r X=1; local Y=2; readonly Z=3'), ['assignment:X@11 value=1', 'assignment:Y@22 value=2', 'assignment:Z@36 value=3']);
      assert.deepEqual(brief('env -i PATH=/bin sh'), ['assignment:PATH@7 value=/bin']);
    });

    it('does not take arguments that look like assignments for assignments', () => {
      assert.deepEqual(brief('docker run -e DOCKER_TAG=v1 img'), []);
      assert.deepEqual(brief('make TARGET=prod'), []);
      assert.deepEqual(brief('echo "A=1"'), []);
    });

    it('finds loop variables (with the word list) and read targets', () => {
      assert.deepEqual(brief('for i in {1..100}; do curl -s x/$i; done'), ['assignment:i@4 value={1..100}', 'env:i@32']);
      assert.deepEqual(brief('read -r -p "Tag? " TAG'), ['assignment:TAG@19']);
    });

    it('finds assignments inside substitutions and array assignments', () => {
      assert.deepEqual(brief('HOSTS=(\n  web1 # first\n  "$WEB2"\n)'), ['assignment:HOSTS@0 value=(\n  web1 # first\n  "$WEB2"\n)', 'env:WEB2@26']);
      assert.deepEqual(brief('echo $(X=1 env)'), ['assignment:X@7 value=1']);
    });
  });
});
