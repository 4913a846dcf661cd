/**
 * The one content collection: every version of every policy, validated by
 * `PolicyEntrySchema` (which extends the front-matter schema).
 */
import { defineCollection } from 'astro:content';
import { policyLoader } from '#loaders/policy-loader.ts';

export const collections = {
  policies: defineCollection({
    loader: policyLoader({ includeDrafts: import.meta.env.DEV }),
  }),
};
