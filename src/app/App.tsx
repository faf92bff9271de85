export function App() {
  return (
    <main>
      <h1>Pre-copy live migration</h1>
      <p>The visualiser is being built.</p>
    </main>
  );
}
