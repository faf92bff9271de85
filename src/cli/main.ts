// `npm run --silent simulate -- [flags]`: the simulator on the command line (see USAGE).
import { ExactLimitError, logSpace, simulate, simulateExact, sweep, type Scenario } from '../model/index.ts';
import { USAGE, UsageError, parseCommand, scenarioFromFlags } from './args.ts';
import { runBatch } from './batch.ts';
import { jsonLine, summaryText, sweepCsv } from './format.ts';

function run(scenario: Scenario, exact: boolean) {
  return exact ? simulateExact(scenario) : simulate(scenario);
}

async function main(argv: string[]): Promise<number> {
  const command = parseCommand(argv);
  const out = (text: string) => process.stdout.write(text + '\n');
  switch (command.mode) {
    case 'help':
      out(USAGE);
      return 0;
    case 'summary':
      out(summaryText(command.scenario, run(command.scenario, command.exact)));
      return 0;
    case 'json':
      out(jsonLine(command.scenario, run(command.scenario, command.exact)));
      return 0;
    case 'sweep': {
      const { linksMbps, points, rateMin, rateMax } = command.sweep;
      out(sweepCsv(sweep(command.scenario, linksMbps, logSpace(rateMin, rateMax, points))).trimEnd());
      return 0;
    }
    case 'batch': {
      const bad = await runBatch(process.stdin, out, (t) => process.stderr.write(t + '\n'), (flags, exact) => {
        const scenario = scenarioFromFlags(flags);
        return jsonLine(scenario, run(scenario, exact || command.exact));
      });
      return bad ? 2 : 0;
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ExactLimitError) {
      process.stderr.write(`simulate: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      throw error;
    }
  },
);
