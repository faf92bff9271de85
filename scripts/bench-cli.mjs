// Whole-process timing of one CLI run against a bare `node -e 0` (issue 13: within 4x). Plain JS so that
// it starts nothing of its own. Usage: node scripts/bench-cli.mjs [runs] [-- command…]
// By default the command is `npm run --silent simulate -- --rate 20000 --json`, as a user types it.
import { spawnSync } from 'node:child_process';

const sep = process.argv.indexOf('--');
const runs = Number(process.argv[2] && process.argv[2] !== '--' ? process.argv[2] : 11);
const command = sep > 0 ? process.argv.slice(sep + 1) : ['npm', 'run', '--silent', 'simulate', '--', '--rate', '20000', '--json'];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function time(cmd, args) {
  const start = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

// Interleaved, so that a burst of load from the shared machine hits both alike.
const bare = [];
const cli = [];
for (let i = 0; i < runs; i++) {
  bare.push(time(process.execPath, ['-e', '0']));
  cli.push(time(command[0], command.slice(1)));
}
const b = median(bare);
const c = median(cli);
console.log(`node -e 0: median ${b.toFixed(0)} ms of ${runs}`);
console.log(`${command.join(' ')}: median ${c.toFixed(0)} ms of ${runs}`);
console.log(`ratio: ${(c / b).toFixed(2)}x`);
