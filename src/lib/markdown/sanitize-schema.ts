/**
 * The one sanitize schema of policy texts: GitHub's rules (no `<script>`, no
 * event handlers, no `<iframe>`, no `javascript:` URLs). The page pipeline
 * sanitizes with it, and so does the compare page before it puts a block it
 * fetched into the document. A module of its own so the browser's bundle
 * takes the schema without the Markdown pipeline.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

/** What policy Markdown may keep of raw HTML and URLs. */
export const POLICY_SANITIZE_SCHEMA: Schema = defaultSchema;
