import * as assert from 'node:assert/strict';
import { classifyCommand } from '../../../src/core/shell';
import type { CommandClassification } from '../../../src/core/shell';

type Case = readonly [command: string, expected: CommandClassification];

function check(cases: readonly Case[]): void {
  for (const [command, expected] of cases) {
    it(command.replace(/\n/g, '⏎'), () => assert.deepEqual(classifyCommand(command), expected));
  }
}

const RM_RF = 'deletes files and directories recursively without asking (rm -rf)';

describe('classifyCommand', () => {
  describe('git', () => {
    check([
      ['git push origin --delete feature/x', { destructive: 'deletes the remote branch or tag feature/x' }],
      ['git push -d origin v1 v2', { destructive: 'deletes the remote branch or tag v1, v2' }],
      ['git push origin :feature/x', { destructive: 'deletes the remote branch or tag feature/x' }],
      ['git push --force origin main', { destructive: 'force-pushes: overwrites the remote history' }],
      ['git push -fu origin main', { destructive: 'force-pushes: overwrites the remote history' }],
      ['git push origin +main', { destructive: 'force-pushes: overwrites the remote history' }],
      ['git push --force-with-lease origin main', { destructive: 'force-pushes: overwrites the remote history (with lease)' }],
      ['git push origin master', {}],
      ['git push origin v1.0.0-rc1', {}],
      ['git -C /repo push origin : ', {}],
      // -d refuses to delete an unmerged branch: nothing can be lost.
      ['git branch -d feature/x', {}],
      ['git branch -D feature/x', { destructive: 'deletes a local branch even if it is not merged' }],
      ['git branch --delete --force feature/x', { destructive: 'deletes a local branch even if it is not merged' }],
      ['git reset --hard origin/main', { destructive: 'discards uncommitted changes (reset --hard)' }],
      ['git reset --soft HEAD~1', {}],
      ['git tag -d v1.0.0', { destructive: 'deletes a tag' }],
      ['git tag -l', {}],
      ['git clean -fd', { destructive: 'deletes untracked files' }],
      ['git clean -fdx', { destructive: 'deletes untracked and ignored files' }],
      ['git clean -n', {}],
      ['git clean -fn', {}],
      ['git checkout -- .', { destructive: 'discards uncommitted changes to files' }],
      ['git checkout HEAD -- src/app.ts', { destructive: 'discards uncommitted changes to files' }],
      ['git checkout .', { destructive: 'discards uncommitted changes to files' }],
      ['git checkout master', {}],
      ['git checkout -b release/1.0', {}],
      ['git restore src/app.ts', { destructive: 'discards uncommitted changes to files' }],
      ['git restore --staged src/app.ts', {}],
      ['git stash clear', { destructive: 'deletes every stash' }],
      ['git commit', { interactive: 'opens an editor for the commit message (no -m)' }],
      ['git commit -m "fix"', {}],
      ['git commit -am "fix"', {}],
      ['git commit --amend --no-edit', {}],
      ['git tag -a v1.0.0', { interactive: 'opens an editor for the tag message (no -m)' }],
      ['git tag -a v1.0.0 -m "Release"', {}],
      ['git rebase -i HEAD~3', { interactive: 'opens an editor for the interactive rebase' }],
      ['git add -p', { interactive: 'asks about each change' }],
      ['git merge feature/x', {}],
      ['git log --oneline master | head -5', {}],
    ]);
  });

  describe('docker and docker-compose', () => {
    check([
      ['docker-compose -f docker-compose.staging.yml down', { destructive: 'stops and removes the containers and networks' }],
      ['docker compose down -v', { destructive: 'stops and removes the containers and networks, and volumes: their data is lost' }],
      ['docker-compose down --rmi all', { destructive: 'stops and removes the containers and networks, and images' }],
      ['docker-compose -f x.yml up -d', {}],
      ['docker compose up --wait', {}],
      ['docker-compose up', { longRunning: 'runs the services in the foreground until interrupted (no -d)' }],
      ['docker-compose logs -f web', { longRunning: 'follows the service logs until interrupted (-f)' }],
      ['docker-compose stop', { destructive: 'stops the services' }],
      ['docker-compose exec web bash', { interactive: 'opens a shell or a prompt in the container' }],
      ['docker-compose exec -T db psql -c "select 1"', {}],
      ['docker-compose run --rm web python manage.py migrate', {}],
      ['docker rm -f web', { destructive: 'force-removes containers, running ones included' }],
      ['docker container rm web', { destructive: 'removes containers' }],
      ['docker rm -v web', { destructive: 'removes containers and their anonymous volumes' }],
      ['docker rmi aidrive:v1', { destructive: 'removes images' }],
      ['docker image rm aidrive:v1', { destructive: 'removes images' }],
      ['docker system prune -f', { destructive: 'deletes stopped containers, unused networks, dangling images and the build cache' }],
      ['docker system prune -af --volumes', { destructive: 'deletes stopped containers, unused networks, all unused images and the build cache, and unused volumes' }],
      ['docker image prune -a', { destructive: 'deletes every image no container uses' }],
      ['docker volume prune', { destructive: 'deletes unused volumes: their data is lost' }],
      ['docker volume rm data', { destructive: 'removes volumes: their data is lost' }],
      ['docker container prune', { destructive: 'deletes every stopped container' }],
      ['docker stop web', { destructive: 'stops running containers' }],
      ['docker kill web', { destructive: 'kills running containers' }],
      ['docker exec -it web bash', { interactive: 'opens an interactive terminal in the container (-it)' }],
      ['docker exec -i -t web sh', { interactive: 'opens an interactive terminal in the container (-it)' }],
      ['docker exec web ls', {}],
      ['docker run -it --rm alpine sh', { interactive: 'opens an interactive terminal in a new container (-it)' }],
      ['docker run -dit alpine', {}],
      ['docker run --name x -e A=1 alpine echo -it', {}],
      ['docker logs -f web', { longRunning: 'follows the container log until interrupted (-f)' }],
      ['docker logs --tail 50 --follow web', { longRunning: 'follows the container log until interrupted (-f)' }],
      ['docker logs web', {}],
      ['docker stats web', { longRunning: 'streams container stats until interrupted (no --no-stream)' }],
      ['docker stats --no-stream', {}],
      ['docker build -t aidrive:v1 .', {}],
      ['docker pull aidrive:v1', {}],
    ]);
  });

  describe('| head bounds a stream', () => {
    check([
      // head exits after 50 lines and the log follower ends on its next write.
      ['docker logs -f aidrive-dashboard | head -50', {}],
      ['tail -f app.log | head -n 5', {}],
      ['docker logs -f web | grep ERROR', { longRunning: 'follows the container log until interrupted (-f)' }],
      ['head -5 file | tail -f', { longRunning: 'follows the file until interrupted (-f)' }],
      ['sleep 30 | head -1', { longRunning: 'waits 30 s', waitSeconds: 30 }],
    ]);
  });

  describe('clusters and infrastructure', () => {
    check([
      ['kubectl delete pod web-1', { destructive: 'deletes Kubernetes resources: pod web-1' }],
      ['kubectl -n prod delete deploy web --dry-run=client', {}],
      ['kubectl drain node-1', { destructive: 'evicts every pod from the node' }],
      ['kubectl exec -it web-1 -- sh', { interactive: 'opens an interactive terminal in the pod (-it)' }],
      ['kubectl exec web-1 -- ls', {}],
      ['kubectl logs -f web-1', { longRunning: 'follows the pod log until interrupted (-f)' }],
      ['kubectl port-forward svc/web 8080:80', { longRunning: 'forwards ports until interrupted' }],
      ['kubectl get pods -w', { longRunning: 'watches until interrupted (-w)' }],
      ['kubectl edit deploy web', { interactive: 'opens an editor' }],
      ['kubectl get pods', {}],
      ['helm uninstall web', { destructive: 'uninstalls the Helm release web and deletes its resources' }],
      ['helm upgrade --install web ./chart', {}],
      ['terraform destroy', { destructive: 'destroys all the infrastructure it manages', interactive: 'asks for confirmation (no -auto-approve)' }],
      ['terraform destroy -auto-approve', { destructive: 'destroys all the infrastructure it manages' }],
      ['terraform apply -destroy -auto-approve', { destructive: 'destroys all the infrastructure it manages' }],
      ['terraform apply', { interactive: 'asks for confirmation (no -auto-approve)' }],
      ['terraform apply -var env=prod tfplan', {}],
      ['terraform plan -out tfplan', {}],
      ['terraform state rm aws_instance.x', { destructive: 'removes resources from the Terraform state' }],
    ]);
  });

  describe('files, disks, services and databases', () => {
    check([
      ['rm -rf /var/lib/app', { destructive: RM_RF }],
      ['rm -r build', { destructive: 'deletes files and directories recursively' }],
      ['rm --recursive --force build', { destructive: RM_RF }],
      ['rm /tmp/x.log', { destructive: 'deletes files' }],
      ['find /tmp -name "*.log" -delete', { destructive: 'deletes the files it finds' }],
      ['find . -name "*.tmp" -exec rm -rf {} +', { destructive: RM_RF }],
      ['find . -name "*.md" -exec cat {} \\;', {}],
      ['ls | xargs rm', { destructive: 'deletes files' }],
      ['dd if=/dev/zero of=/dev/sdb bs=1M', { destructive: 'writes raw blocks over /dev/sdb' }],
      ['dd if=/dev/sda', {}],
      ['mkfs.ext4 /dev/sdb1', { destructive: 'formats a filesystem: everything on the device is erased' }],
      ['mkfs -t xfs /dev/sdb1', { destructive: 'formats a filesystem: everything on the device is erased' }],
      ['truncate -s 0 app.log', { destructive: 'truncates files: content past the new size is lost' }],
      // Redirection truncates an existing file too, but that is everyday shell: not flagged.
      ['echo "" > app.log', {}],
      [': > app.log', {}],
      ['psql -c "DROP TABLE users"', { destructive: 'drops a table (DROP TABLE)' }],
      ["psql -U app -c 'drop database app'", { destructive: 'drops a database (DROP DATABASE)' }],
      ['psql -c "select 1; truncate sessions"', { destructive: 'empties a table (TRUNCATE)' }],
      ['psql -c "SELECT \'drop table x\'"', {}],
      ['psql -c "DELETE FROM jobs"', { destructive: 'deletes every row of a table (DELETE without WHERE)' }],
      ['psql -c "DELETE FROM jobs WHERE done"', { destructive: 'deletes rows (DELETE … WHERE)' }],
      ['mysql -u root -e "DROP DATABASE shop"', { destructive: 'drops a database (DROP DATABASE)' }],
      ['psql <<SQL\nDROP TABLE old_sessions;\nSQL', { destructive: 'drops a table (DROP TABLE)' }],
      ['psql -h db app', { interactive: 'opens a psql prompt (no -c or -f)' }],
      ['psql -f migrate.sql', {}],
      ['psql < dump.sql', {}],
      ['mysql -u root -p', { interactive: 'opens a mysql prompt (no -e)' }],
      ['redis-cli FLUSHALL', { destructive: 'deletes every key (FLUSHALL/FLUSHDB)' }],
      ['redis-cli', { interactive: 'opens a redis-cli prompt' }],
      ['redis-cli ping', {}],
      ['dropdb shop', { destructive: 'drops the database shop' }],
      ['systemctl stop nginx', { destructive: 'stops the service nginx' }],
      ['systemctl restart nginx', {}],
      ['service nginx stop', { destructive: 'stops the service nginx' }],
      ['kill -9 1234', { destructive: 'kills processes' }],
      ['pkill -f gunicorn', { destructive: 'kills processes' }],
      ['crontab -r', { destructive: 'removes the crontab' }],
      ['crontab -e', { interactive: 'opens an editor' }],
      ['sudo reboot', { destructive: 'reboots the machine' }],
    ]);
  });

  describe('interactive programs', () => {
    check([
      ['nano CHANGELOG.md', { interactive: 'opens an editor' }],
      ['vim CHANGELOG.md', { interactive: 'opens an editor' }],
      ['vi /etc/hosts', { interactive: 'opens an editor' }],
      ['emacs notes.txt', { interactive: 'opens an editor' }],
      ['emacs --batch -l build.el', {}],
      ['code CHANGELOG.md', { interactive: 'opens an editor' }],
      ['code --version', {}],
      ['code --install-extension ms-python.python', {}],
      ['vim --version', {}],
      ['less /var/log/syslog', { interactive: 'opens a pager' }],
      ['git log | less', { interactive: 'opens a pager' }],
      ['more README', { interactive: 'opens a pager' }],
      ['top', { interactive: 'shows a full-screen monitor until you quit it' }],
      ['top -b -n 1', {}],
      ['htop', { interactive: 'shows a full-screen monitor until you quit it' }],
      ['ssh deploy@prod', { interactive: 'opens a remote shell (no command given)' }],
      ['ssh -i key.pem -p 2222 deploy@prod', { interactive: 'opens a remote shell (no command given)' }],
      ['ssh deploy@prod uptime', {}],
      ['ssh deploy@prod "sudo systemctl stop nginx"', { destructive: 'stops the service nginx' }],
      ['ssh -N -L 5432:db:5432 bastion', { longRunning: 'keeps the SSH connection open until interrupted (-N)' }],
      ['ssh prod < script.sh', {}],
      ['sudo -i', { interactive: 'opens a root shell' }],
      ['su - postgres', { interactive: 'opens a shell as another user' }],
      ['bash', { interactive: 'opens a new shell' }],
      ['bash deploy.sh', {}],
      ['python3', { interactive: 'opens a Python prompt' }],
      ['read -p "Continue? " answer', { interactive: 'waits for input' }],
      ['while read -r line; do echo "$line"; done < hosts.txt', {}],
    ]);
  });

  describe('long-running commands', () => {
    check([
      ['tail -f /var/log/app.log', { longRunning: 'follows the file until interrupted (-f)' }],
      ['tail -n 100 -F app.log', { longRunning: 'follows the file until interrupted (-f)' }],
      ['tail --follow=name app.log', { longRunning: 'follows the file until interrupted (-f)' }],
      ['tail -n 50 app.log', {}],
      ['journalctl -fu nginx', { longRunning: 'follows the journal until interrupted (-f)' }],
      ['journalctl -u nginx --since today', {}],
      ['watch -n 5 kubectl get pods', { longRunning: 're-runs the command until interrupted' }],
      ['ping example.com', { longRunning: 'pings until interrupted (no -c)' }],
      ['ping -c 3 example.com', {}],
      ['sleep 300', { longRunning: 'waits 300 s (5 min)', waitSeconds: 300 }],
      ['sleep 10', { longRunning: 'waits 10 s', waitSeconds: 10 }],
      ['sleep 9', {}],
      ['sleep 1h', { longRunning: 'waits 3600 s (1 h)', waitSeconds: 3600 }],
      ['sleep 1m 30s', { longRunning: 'waits 90 s (1.5 min)', waitSeconds: 90 }],
      ['sleep 5 && sleep 5', { longRunning: 'waits 10 s', waitSeconds: 10 }],
      ['sleep infinity', { longRunning: 'sleeps forever' }],
      ['sleep $DELAY', {}],
      ['while true; do curl -s x; sleep 5; done', { longRunning: 'loops until interrupted' }],
      ['until false; do date; done', { longRunning: 'loops until interrupted' }],
      ['npm start', { longRunning: 'runs the start script: a server or watcher that runs until interrupted' }],
      ['npm run dev', { longRunning: 'runs the dev script: a server or watcher that runs until interrupted' }],
      ['yarn dev', { longRunning: 'runs the dev script: a server or watcher that runs until interrupted' }],
      ['npm run build', {}],
      ['npm test', {}],
      ['python3 -m http.server 8000', { longRunning: 'serves files until interrupted' }],
    ]);
  });

  describe('looking through wrappers and lists', () => {
    check([
      ['sudo rm -rf /opt/app', { destructive: RM_RF }],
      ['sudo -u deploy docker-compose down', { destructive: 'stops and removes the containers and networks' }],
      ['env DOCKER_TAG=v1 docker-compose down -v', { destructive: 'stops and removes the containers and networks, and volumes: their data is lost' }],
      ['DOCKER_TAG=v1 docker-compose up', { longRunning: 'runs the services in the foreground until interrupted (no -d)' }],
      ['nohup tail -f app.log &', { longRunning: 'follows the file until interrupted (-f)' }],
      ['timeout 60 docker logs -f web', { longRunning: 'follows the container log until interrupted (-f)' }],
      ['command -v docker', {}],
      ['/usr/bin/git push --force', { destructive: 'force-pushes: overwrites the remote history' }],
      ['cd /app && git pull && docker-compose down', { destructive: 'stops and removes the containers and networks' }],
      ['docker stop web; docker rm web', { destructive: 'removes containers' }],
      ['docker-compose down || rm -rf /data', { destructive: RM_RF }],
      ['test -f x && nano x', { interactive: 'opens an editor' }],
      ['sh -c "docker volume prune -f"', { destructive: 'deletes unused volumes: their data is lost' }],
      ['bash -ec \'kubectl delete ns staging\'', { destructive: 'deletes Kubernetes resources: ns staging' }],
      ['OLD=$(docker ps -q | xargs docker stop)', { destructive: 'stops running containers' }],
      ['echo "$(git push origin --delete x)"', { destructive: 'deletes the remote branch or tag x' }],
      ['if true; then\n  docker-compose down\nfi', { destructive: 'stops and removes the containers and networks' }],
      ['sleep 300 && docker-compose down -v && docker logs -f web', { destructive: 'stops and removes the containers and networks, and volumes: their data is lost', longRunning: 'follows the container log until interrupted (-f)' }],
      ["echo 'rm -rf /' # rm -rf /", {}],
      ['echo rm -rf /', {}],
      ['cat <<EOF\nrm -rf /\nEOF', {}],
    ]);
  });
});
