/**
 * Command words that start a line of a deployment runbook. Used to recognise unlabelled
 * shell blocks and root (`# `) prompts in console sessions. `[`, `[[` and `{` are left out
 * on purpose: they also start JSON and YAML.
 */
const WORDS = `
  git gh docker docker-compose podman kubectl helm kustomize minikube kind k9s terraform tofu pulumi ansible ansible-playbook
  vagrant packer aws az gcloud gsutil doctl flyctl heroku vercel netlify eksctl oc istioctl argocd vault consul nomad
  npm npx yarn pnpm node deno bun pip pip3 pipx python python3 poetry uv pytest tox make cmake go cargo rustc mvn gradle
  java dotnet bundle bundler gem rake rails ruby php composer
  curl wget http httpie ssh scp rsync sftp nc telnet ping dig nslookup host traceroute openssl
  cd ls ll pwd cat less more head tail grep egrep fgrep rg find xargs awk sed cut sort uniq wc tr tee echo printf
  cp mv rm mkdir rmdir touch chmod chown chgrp ln stat du df free uptime whoami id hostname uname date env printenv
  export unset set source alias unalias eval exec exit return true false test sleep wait watch time timeout nohup
  kill pkill killall ps top htop pgrep lsof netstat ss ip ifconfig iptables ufw
  sudo su doas systemctl service journalctl crontab apt apt-get yum dnf apk brew snap pacman zypper
  tar gzip gunzip zip unzip base64 sha256sum md5sum jq yq diff patch file which whereis type command
  psql pg_dump pg_restore createdb dropdb mysql mysqldump mongo mongosh redis-cli sqlite3
  nano vi vim nvim emacs code open xdg-open
  if for while until case function select read local declare readonly typeset shift trap
  dd mkfs truncate shred mount umount fdisk parted lsblk blkid
`;

export const COMMAND_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w.length > 0));

/** The command name a word stands for: `/usr/bin/git` is `git`. */
export function commandName(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash >= 0 ? word.slice(slash + 1) : word;
}

/** A word that starts a command: a known command, a script path (`./deploy.sh`, `/opt/x/bin/y`). */
export function isCommandWord(word: string): boolean {
  if (COMMAND_WORDS.has(word)) return true;
  return word.startsWith('./') || word.startsWith('../') || word.startsWith('~/') || (word.startsWith('/') && word.length > 1);
}
