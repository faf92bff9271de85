// The page: header, the controls beside the results (presets, summary, charts).
import { Charts } from './components/Charts.tsx';
import { ComparePanel } from './components/ComparePanel.tsx';
import { Controls } from './components/Controls.tsx';
import { Header } from './components/Header.tsx';
import { Notice } from './components/Notice.tsx';
import { Presets } from './components/Presets.tsx';
import { SlaLens } from './components/SlaLens.tsx';
import { Summary } from './components/Summary.tsx';
import { ValidationSection } from './components/ValidationSection.tsx';
import { TeachSection } from './teach/TeachPanel.tsx';
import './app.css';

export function App() {
  return (
    <>
      <Header />
      <main className="layout">
        <Notice />
        <Controls />
        <div className="results">
          <Presets />
          <Summary />
          <SlaLens />
          <Charts />
          <ComparePanel />
          <TeachSection />
          <ValidationSection />
        </div>
      </main>
    </>
  );
}
