/**
 * The shape of the talk's sources: the mailing-list threads, the messages quoted from them, and
 * the public records (commits, releases, files in a tree, papers, web pages) behind every fact.
 * Slides cite these by id (`<MailQuote from="…">`, `<SourceNote refs="…">`); the components
 * render author, list, date, subject and link from here, so nothing about a source is typed twice.
 *
 * Dates are UTC: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MMZ` where the minute is known.
 */

/** A public mailing-list thread; its text lives outside the project (see sources/README.md). */
export interface Thread {
  id: string
  /** List name as the audience knows it, e.g. "xen-devel", "LKML". */
  list: string
  /** Subject of the thread as archived; omitted where the archived copy shows none. */
  subject?: string
  /** First and last message of the thread that the talk draws on (UTC dates). */
  first: string
  last: string
  /** Public archive address of the root message (or of the nearest message, see `urlOf`). */
  url?: string
  /** What `url` points at when it is not the thread's root message. */
  urlOf?: string
  /** Which of the fields above no public source confirms. */
  unverified?: Array<'list' | 'subject' | 'url' | 'first' | 'last'>
  /** File name of the thread's text in the threads folder (for lint only; never shown). */
  text: string
}

/** One message of a thread that a slide quotes. */
export interface Message {
  id: string
  /** Thread id. */
  thread: string
  /** The sender, e.g. "Dan Magenheimer". */
  author: string
  /** Affiliation as of the message, e.g. "HP Labs"; omitted where not established. */
  affiliation?: string
  /** When it was sent (UTC), as precisely as the record allows. */
  date: string
  /** How to read `date` when it is not a plain UTC time, e.g. "archive time, zone unknown". */
  dateNote?: string
  /**
   * Id of the message through which these words reached the thread, when the original is not in
   * the archived thread (sent privately, or only quoted in a reply).
   */
  quotedIn?: string
  /**
   * How the sender is known when the quoting message does not name them, shown after "quoted
   * by …", e.g. "replying to Keir" (the quote carries no header; the reply is addressed to Keir).
   */
  quotedNote?: string
  /**
   * How lint finds this message in the thread text (never shown): the date exactly as the text's
   * own header prints it, e.g. "2005-04-27 17:25", or `'whole'` when the text holds this one
   * message under no dated header. Omitted when the words reach the thread only through `quotedIn`.
   */
  textAt?: string
}

/** A commit in a public repository. */
export interface CommitRecord {
  id: string
  kind: 'commit'
  /** e.g. "xen-project/xen", "torvalds/linux". */
  repo: string
  /** Abbreviated hash as cited (10 or 12 hex digits). */
  hash: string
  date: string
  subject: string
  /** File in that commit the fact is about, where it matters. */
  path?: string
  url?: string
}

/** A release: a Xen tag or a Linux kernel version. */
export interface ReleaseRecord {
  id: string
  kind: 'release'
  project: 'Xen' | 'Linux'
  version: string
  /** Git tag, e.g. "RELEASE-4.2.0". */
  tag?: string
  date?: string
  url?: string
}

/** A file as it stands in a release's tree (how a "present in X, absent in Y" fact is shown). */
export interface FileRecord {
  id: string
  kind: 'file'
  project: 'Xen' | 'Linux'
  path: string
  /** Version or commit the file is read at. */
  at: string
  url?: string
}

export interface PaperRecord {
  id: string
  kind: 'paper'
  title: string
  authors: string
  venue: string
  year: number
  doi?: string
  url?: string
}

/** A public web page: an archive message outside the five threads, an article, a wiki page. */
export interface PageRecord {
  id: string
  kind: 'page'
  title: string
  publisher: string
  date?: string
  url: string
}

export type SourceRecord = CommitRecord | ReleaseRecord | FileRecord | PaperRecord | PageRecord
