// The persistent bar: title, the views, and the page-wide actions (share, copy link, theme, large type).
import { useEffect, useRef, useState } from 'react';
import { copyText } from '../copyText.ts';
import { flushUrl } from '../state/boot.ts';
import { useHidden } from '../state/classroomView.ts';
import { getAppStore, useApp } from '../state/store.ts';
import { mirroredHref } from '../state/urlSync.ts';
import { useView } from '../state/views.ts';
import { ShareDialog } from './ShareDialog.tsx';
import { ViewBar } from './ViewBar.tsx';

function CopyLinkButton() {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onClick = async () => {
    flushUrl();
    const ok = await copyText(mirroredHref(getAppStore()));
    setStatus(ok ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus('idle'), 2500);
  };
  const upload = useApp((s) => (s.trace?.kind === 'upload' ? s.trace.name : null));
  return (
    <span className="copy-link">
      {upload ? (
        <span className="copy-link__note" data-testid="upload-link-note">
          The link leaves out the uploaded trace ({upload})
        </span>
      ) : null}
      <button type="button" className="button button--primary" onClick={onClick}>
        Copy link
      </button>
      <span className="copy-link__status" role="status">
        {status === 'copied' ? 'Link copied' : status === 'failed' ? 'Copy failed: the link is in the address bar' : ''}
      </span>
    </span>
  );
}

export function Header() {
  const theme = useApp((s) => s.theme);
  const setTheme = useApp((s) => s.setTheme);
  const largeType = useApp((s) => s.largeType);
  const setLargeType = useApp((s) => s.setLargeType);
  const hideActions = useHidden('header');
  const [sharing, setSharing] = useState(false);
  const view = useView();
  return (
    <header className="header">
      {/* Views without charts (SLA, Check) skip to their content instead. */}
      <a className="skip-link" href={view === 'sla' || view === 'check' ? '#main' : '#charts'}>
        {view === 'sla' || view === 'check' ? 'Skip to the content' : 'Skip to the charts'}
      </a>
      <div className="header__titles">
        <h1>Pre-copy live migration</h1>
        {/* Shown only where the screen has room to spare (app.css). */}
        <p className="header__subtitle">
          How dirty rate, link speed and VM size shape migration time and downtime: Xen pre-copy after Akoush et al. (MASCOTS 2010), beside QEMU, post-copy and hybrid
        </p>
      </div>
      <ViewBar />
      <div className="header__actions" data-group="header" hidden={hideActions}>
        <button type="button" className="button" onClick={() => setSharing(true)} aria-haspopup="dialog">
          Share
        </button>
        {sharing ? <ShareDialog title="Share a link" onClose={() => setSharing(false)} /> : null}
        <CopyLinkButton />
        <button type="button" className="button" aria-pressed={theme === 'dark'} onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}>
          Dark theme
        </button>
        <button type="button" className="button" aria-pressed={largeType} onClick={() => setLargeType(!largeType)}>
          Large type
        </button>
      </div>
    </header>
  );
}
