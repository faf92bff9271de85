// `npm run --silent simulate -- [flags]`: the simulator on the command line (see USAGE).
import { ExactLimitError, logSpace, simulate, simulateExact, startTimeSweep, sweep, type Scenario, type Trace } from '../model/index.ts';
import { USAGE, UsageError, parseCommand, scenarioFromFlags } from './args.ts';
import { runBatch } from './batch.ts';
import { jsonLine, startSweepText, summaryText, sweepCsv } from './format.ts';
import { loadTrace } from './trace-file.ts';

function run(scenario: Scenario, exact: boolean, trace?: Trace) {
  return exact ? simulateExact(scenario, trace) : simulate(scenario, trace);
}

async function main(argv: string[]): Promise<number> {
  const command = parseCommand(argv);
  const out = (text: string) => process.stdout.write(text + '\n');
  switch (command.mode) {
    case 'help':
      out(USAGE);
      return 0;
    case 'summary':
    case 'json': {
      const { scenario, exact, tracePath } = command;
      const trace = tracePath === null ? undefined : loadTrace(tracePath);
      const result = run(scenario, exact, trace);
      // With a trace, also the range over start times (Akoush Table IV): fast-path runs only.
      const starts = trace && startTimeSweep(trace, (startS) => simulate({ ...scenario, traceStartS: startS }, trace));
      if (command.mode === 'json') {
        const extra = trace && starts ? { trace: { file: tracePath, rows: trace.times.length, endS: trace.endS, overStarts: { migrationTimeS: starts.migrationTimeS, downtimeS: starts.downtimeS } } } : {};
        out(jsonLine(scenario, result, extra));
      } else {
        out(summaryText(scenario, result, tracePath ?? undefined));
        if (trace && starts) out('\n' + startSweepText(tracePath!, trace, starts));
      }
      return 0;
    }
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
      // One line, no stack trace: the message names the flag (or the file and line) and what is wrong.
      process.stderr.write(`simulate: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      throw error;
    }
  },
);
