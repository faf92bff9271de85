// The player: play / pause, step back and forward, restart, a position slider, the speed and the
// step granularity, and where the player is (event, iteration, simulated time).
import { formatSinceStart } from '../../model/words/format.ts';
import { count } from './narrate.ts';
import { playerPosition, positionText } from './playerPosition.ts';
import { SPEEDS, stopIndexAt, type Speed } from './player.ts';
import { stopsOf, useTeach, teachStore, type Granularity } from './teachStore.ts';
import { WithTerms } from './WithTerms.tsx';

export function PlayerControls() {
  const summary = useTeach((s) => s.summary);
  const position = useTeach((s) => s.position);
  const iteration = useTeach((s) => s.iteration);
  const timeS = useTeach((s) => s.timeS);
  const playing = useTeach((s) => s.playing);
  const speed = useTeach((s) => s.speed);
  const granularity = useTeach((s) => s.granularity);
  const stops = useTeach((s) => stopsOf(s));
  const t = teachStore.getState();
  const ready = summary !== null;
  const last = summary ? summary.events - 1 : 0;
  // The slider moves over the stops; its value is the last stop at or before the position.
  const stopIndex = stopIndexAt(stops, position);

  return (
    <div className="teach__player">
      <div className="teach__buttons" role="group" aria-label="Player">
        <button type="button" className="button" onClick={() => t.restart()} disabled={!ready} aria-keyshortcuts="Home">
          <span aria-hidden="true">↺ </span>Restart
        </button>
        <button type="button" className="button" onClick={() => t.stepBack()} disabled={!ready || position === 0} aria-keyshortcuts="ArrowLeft">
          <span aria-hidden="true">◀ </span>Step back
        </button>
        <button type="button" className="button button--primary teach__play" onClick={() => t.togglePlay()} disabled={!ready} aria-keyshortcuts="Space">
          {playing ? (
            <>
              <span aria-hidden="true">❚❚ </span>Pause
            </>
          ) : (
            <>
              <span aria-hidden="true">▶ </span>Play
            </>
          )}
        </button>
        <button type="button" className="button" onClick={() => t.stepForward()} disabled={!ready || position === last} aria-keyshortcuts="ArrowRight">
          Step forward<span aria-hidden="true"> ▶</span>
        </button>
      </div>
      <div className="teach__settings">
        <span className="teach__setting">
          <label htmlFor="teach-granularity">Step by</label>
          <select id="teach-granularity" value={granularity} onChange={(e) => t.setGranularity(e.target.value as Granularity)}>
            <option value="batch">batch</option>
            <option value="iteration">iteration</option>
          </select>
        </span>
        <span className="teach__setting">
          <label htmlFor="teach-speed">Speed</label>
          <select id="teach-speed" value={speed} onChange={(e) => t.setSpeed(Number(e.target.value) as Speed)}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s} {s === 1 ? 'step' : 'steps'}/s
              </option>
            ))}
          </select>
        </span>
      </div>
      <label className="teach__scrub">
        <span className="visually-hidden">Position</span>
        <input
          type="range"
          min={0}
          max={Math.max(0, stops.length - 1)}
          value={stopIndex}
          disabled={!ready}
          aria-valuetext={`step ${stopIndex + 1} of ${stops.length}`}
          onChange={(e) => t.setPosition(stops[Number(e.target.value)] ?? 0)}
        />
      </label>
      <p className="teach__position" data-testid="teach-position" data-position={position} data-iteration={iteration}>
        {ready && summary ? (
          <>
            <strong className="teach__where">
              <WithTerms text={positionText(playerPosition(summary, position))} detached />
            </strong>
            <span className="teach__step">
              {' '}
              · Step {count(stopIndex + 1)} of {count(stops.length)} · <span data-testid="player-time">{formatSinceStart(timeS)}</span>
            </span>
          </>
        ) : (
          'Loading the run…'
        )}
      </p>
    </div>
  );
}
