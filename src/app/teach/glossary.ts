// Short definitions of the terms the narration uses, shown in tooltips (Term.tsx). Written for a class:
// one or two plain sentences each, in this project's own words.

export const GLOSSARY = {
  'dirty page': 'A page of guest memory written since the migration last recorded it as sent. Its copy at the destination is out of date, so it must be sent again.',
  'writable working set': 'The pages the guest keeps writing to. A large or busy working set is dirtied faster than the link can send it, so pre-copy cannot converge.',
  goodput: 'The rate of useful page data the link actually delivers, after protocol overheads: lower than the nominal link speed.',
  'stop-and-copy': 'The final step of pre-copy: the guest is paused and every page still dirty is sent, while nothing can dirty them again.',
  downtime: 'How long the guest is paused and unavailable: the stop-and-copy plus commitment and activation at the destination.',
  peek: 'Xen reads the dirty bitmap before each batch without clearing it, to learn which pages have already been written again.',
  skip: 'A page that is dirty again when its batch is prepared is not sent now: it would only be stale again, so it waits for a later iteration.',
  batch: 'A group of up to 1,024 pages that the migration sends in one go.',
  iteration: 'One pass over the list of pages to send. Each pass sends what the previous one left dirty.',
  'pre-copy': 'Migration that copies memory while the guest keeps running, pass after pass, and pauses the guest only for the last few pages.',
  'post-copy': 'Migration that moves the guest to the destination first and then sends its memory, fetching any page the guest touches before it arrives.',
  'remote fault': 'In post-copy, the guest touched a page that had not arrived yet; it waits while that page is fetched from the source.',
  throttle: 'Slowing the guest’s CPU (QEMU auto-converge) so that it dirties memory more slowly than the link sends it.',
  'to-send list': 'The pages an iteration must send: every page in the first iteration, then the pages dirtied during the previous one.',
} as const;

export type GlossaryTerm = keyof typeof GLOSSARY;

export const GLOSSARY_TERMS = Object.keys(GLOSSARY) as GlossaryTerm[];
