// The writer's CPU need (scenario.writerCpu): the share of a vCPU the writing process needs to keep its
// rate. The vCPU limit and auto-converge's throttle slow it only below that share. The two writers of
// the QEMU 7.2 measurements are the examples: one sleeps between writes, one spins.
import type { Scenario } from '../../model/index.ts';
import type { AppState } from '../state/store.ts';
import { limits } from './controlSpecs.ts';
import { SliderField } from '../components/SliderField.tsx';
import { logSlider } from '../components/sliderScale.ts';

const SCALE = logSlider(0.01, 1, 200, { digits: 2 });

/** The measured writers (src/model/qemu72/cases.ts WRITER_CPU). */
const EXAMPLES = [
  { label: 'Clock-paced (sleeps between writes)', value: 0.01 },
  { label: 'CPU-bound (spins between writes)', value: 1 },
] as const;

const percent = (x: number) => `${Number((x * 100).toPrecision(3))}%`;

export function WriterCpuField({ s, setField }: { s: Scenario; setField: AppState['setField'] }) {
  return (
    <SliderField
      id="ctl-writer-cpu"
      label="CPU the writer needs"
      term="writer CPU"
      unit="of a vCPU"
      value={s.writerCpu}
      scale={SCALE}
      {...limits('writerCpu')}
      onChange={(v) => setField('writerCpu', v)}
      valueText={(v) => `${percent(v)} of a vCPU`}
      hint="The vCPU limit and auto-converge's throttle slow the writer only when the CPU they leave falls below this share (1 = it needs all of it)."
    >
      <div className="field__examples" role="group" aria-label="Measured writers">
        {EXAMPLES.map((e) => (
          <button key={e.value} type="button" className="button button--small" aria-pressed={s.writerCpu === e.value} onClick={() => setField('writerCpu', e.value)}>
            {e.label}: {percent(e.value)}
          </button>
        ))}
      </div>
    </SliderField>
  );
}
