// The diagonal hatch that marks the paused stop-and-copy, shared by the charts that draw it.
export function HatchPattern({ id }: { id: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
      <rect className="hatch-bg" width={6} height={6} />
      <line className="hatch-line" x1={1.5} y1={0} x2={1.5} y2={6} strokeWidth={3} />
    </pattern>
  );
}
