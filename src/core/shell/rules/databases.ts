import type { Invocation } from '../invocations';
import { optionSet, scanOptions } from '../options';
import { destructive, interactive, when } from './findings';
import type { Finding, Rule } from './findings';
import { sqlFinding } from './sql';

function sqlFindings(sources: readonly (string | undefined)[]): Finding[] {
  return sources.map((s) => (s !== undefined ? sqlFinding(s) : undefined)).filter((f): f is Finding => f !== undefined);
}

const PSQL_VALUED = optionSet('-c --command -f --file -d --dbname -h --host -p --port -U --username -v --set --variable -o --output -L --log-file -P --pset -F --field-separator -R --record-separator -T --table-attr');

function psql(inv: Invocation): Finding[] {
  const o = scanOptions(inv.argv, { valued: PSQL_VALUED });
  const commands = o.options.filter((opt) => opt.name === '-c' || opt.name === '--command').map((opt) => opt.value);
  const prompt = !inv.stdinRedirected && !o.has('-c', '--command', '-f', '--file', '-l', '--list', '-V', '--version', '--help');
  return [...sqlFindings([...commands, inv.stdinText]), ...when([prompt, interactive('opens a psql prompt (no -c or -f)')])];
}

const MYSQL_VALUED = optionSet('-e --execute -u --user -h --host -P --port -D --database -S --socket --default-character-set');

function mysql(inv: Invocation): Finding[] {
  const o = scanOptions(inv.argv, { valued: MYSQL_VALUED });
  const statements = o.options.filter((opt) => opt.name === '-e' || opt.name === '--execute').map((opt) => opt.value);
  const asksPassword = inv.argv.includes('-p') || inv.argv.includes('--password');
  const prompt = !inv.stdinRedirected && !o.has('-e', '--execute', '-V', '--version', '--help');
  return [
    ...sqlFindings([...statements, inv.stdinText]),
    ...when([prompt, interactive('opens a mysql prompt (no -e)')], [!prompt && asksPassword, interactive('asks for the password (-p)')]),
  ];
}

function sqlite3(inv: Invocation): Finding[] {
  const positionals = scanOptions(inv.argv, { valued: optionSet('-cmd -separator -nullvalue') }).positionals.map((p) => p.value);
  return [
    ...sqlFindings([positionals.slice(1).join(' '), inv.stdinText]),
    ...when([positionals.length <= 1 && !inv.stdinRedirected, interactive('opens a sqlite3 prompt')]),
  ];
}

function redisCli(inv: Invocation): Finding[] {
  const o = scanOptions(inv.argv, { valued: optionSet('-h -p -a -n -u -s -r -i --user --pass --cacert --cert --key') });
  const command = o.positionals[0]?.value.toLowerCase();
  return when(
    [command === 'flushall' || command === 'flushdb', destructive('deletes every key (FLUSHALL/FLUSHDB)', 3)],
    [command === 'del' || command === 'unlink', destructive('deletes keys')],
    [command === undefined && !inv.stdinRedirected, interactive('opens a redis-cli prompt')],
  );
}

export const DATABASE_RULES: Readonly<Record<string, Rule>> = {
  psql,
  mysql,
  mariadb: mysql,
  sqlite3,
  'redis-cli': redisCli,
  dropdb: (inv) => [destructive(`drops the database ${inv.argv.filter((a) => !a.startsWith('-')).pop() ?? ''}`.trimEnd(), 3)],
  mongosh: (inv) => when([!inv.stdinRedirected && !inv.argv.some((a) => a === '--eval' || a.endsWith('.js')), interactive('opens a Mongo shell')]),
};
