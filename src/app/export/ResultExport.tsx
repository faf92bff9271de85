// Under the summary: the shown run as CSV (one row per iteration) or JSON, and the command line that
// reproduces it (`npm run simulate` flags built from the model's field table).
import { useEffect, useState } from 'react';
import { copyText } from '../copyText.ts';
import type { RunView } from '../state/store.ts';
import { describeScenario } from '../../model/index.ts';
import { cliCommand } from './cliCommand.ts';
import { downloadText } from './download.ts';
import { resultCsv, resultJson } from './resultData.ts';
import { exportBaseName } from './scenarioText.ts';
import { shownRun } from './shownRun.ts';
import './export.css';

export function ResultExport({ run }: { run: RunView }) {
  const [status, setStatus] = useState('');
  const [command, setCommand] = useState<{ text: string; note: string | null; description: string } | null>(null);
  // The run passed in is what the summary shows; shownRun() adds its trace and link from the store.
  const current = () => {
    const shown = shownRun();
    return shown && shown.scenario === run.scenario ? shown : null;
  };
  const save = (kind: 'csv' | 'json') => {
    const shown = current();
    if (!shown) return setStatus('Nothing to export yet.');
    const name = `${exportBaseName('result', shown.scenario, shown.trace)}.${kind}`;
    if (kind === 'csv') downloadText(resultCsv(shown.result, shown.scenario), 'text/csv', name);
    else downloadText(resultJson(shown.scenario, shown.result, shown.trace), 'application/json', name);
    setStatus(`Saved ${name}`);
  };
  const commandOf = (shown: NonNullable<ReturnType<typeof current>>) => ({ ...cliCommand(shown.scenario, shown.trace), description: describeScenario(shown.scenario, shown.trace) });
  const copy = async () => {
    const shown = current();
    if (!shown) return setStatus('Nothing to export yet.');
    const built = commandOf(shown);
    setCommand(built);
    setStatus((await copyText(built.text)) ? 'Command copied.' : 'Could not copy: select the command below.');
  };
  // Once shown, the command follows the run on screen, so it never describes a run that has gone.
  useEffect(() => {
    const shown = current();
    if (shown) setCommand((c) => (c === null ? c : commandOf(shown)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run]);
  return (
    <div className="result-export" role="group" aria-label="Export the result">
      <button type="button" className="button" onClick={() => save('csv')}>
        Download CSV
      </button>
      <button type="button" className="button" onClick={() => save('json')}>
        Download JSON
      </button>
      <button type="button" className="button" onClick={() => void copy()}>
        Copy CLI command
      </button>
      <span className="result-export__status" role="status">
        {status}
      </span>
      {command ? (
        <>
          <p className="result-export__note" data-testid="cli-command-description">
            Runs {command.description}.
          </p>
          <code className="result-export__command" data-testid="cli-command">
            {command.text}
          </code>
          {command.note ? (
            <p className="result-export__note" data-testid="cli-command-note">
              {command.note}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
