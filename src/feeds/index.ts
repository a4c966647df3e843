// Following a publisher: what the database layer and the poller call. Plain functions over HTTP; the caller
// keeps the state they return.
export { feedDue, initialFeedState } from './backoff.js';
export { documentId, fetchDocument } from './fetch-document.js';
export { pollFeed } from './poll.js';
export { feedDefaults } from './types.js';
export type { FeedEntry, FeedOptions, FeedState, FetchDocumentResult, FetchedDocument, PollResult } from './types.js';
