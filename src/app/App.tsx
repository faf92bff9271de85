// The page: the persistent bar (title, views, share and page-wide actions) over the open view; or, with
// `embed=1`, one chart alone for an iframe. Classroom links may hide groups (state/classroom.ts) and
// pick the view (`view=`; `teach=1` and lesson links open Teach).
import { CheckView } from './check/CheckView.tsx';
import { CompareView } from './compare/CompareView.tsx';
import { Header } from './components/Header.tsx';
import { EmbedView } from './embed/EmbedView.tsx';
import { ExploreView } from './explore/ExploreView.tsx';
import { SlaView } from './sla/SlaView.tsx';
import { useClassroom } from './state/classroomView.ts';
import { useView } from './state/views.ts';
import { TeachView } from './teach/TeachView.tsx';
import './app.css';
import './views.css';

const VIEW_COMPONENTS = { explore: ExploreView, teach: TeachView, compare: CompareView, sla: SlaView, check: CheckView } as const;

export function App() {
  const embed = useClassroom((c) => c.embed);
  const view = useView();
  if (embed) return <EmbedView />;
  const View = VIEW_COMPONENTS[view];
  return (
    <>
      <Header />
      <View />
    </>
  );
}
