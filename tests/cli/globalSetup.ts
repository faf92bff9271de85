// The CLI tests run the bundled command line, as `npm run simulate` and `npx precopy-sim` do: build it
// first when the sources are newer than the bundle.
import { ensureCliBundle } from '../../scripts/cli-bundle.ts';

export default function setup(): void {
  ensureCliBundle();
}
