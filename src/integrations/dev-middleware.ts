/**
 * Dev-server plumbing shared by the integrations: a request handler placed
 * in front of Astro's own, and the module runner the pages run in. Astro puts
 * its trailing-slash and route guards first in the dev server's stack, and
 * they answer paths it has no route for with a 404; after Astro's own setup,
 * these handlers go in front of them.
 */
import type { AstroIntegration } from 'astro';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Vite's dev server, as Astro's hooks give it. */
export type DevServer = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0]['server'];

/** A connect-style request handler. */
export type DevHandler = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

/** A Vite plugin (for `updateConfig({ vite: { plugins } })`) that puts the handler it makes first in the dev server's stack. */
export function serveBeforeAstro(name: string, createHandler: (server: DevServer) => DevHandler) {
  return {
    name,
    configureServer: (server: DevServer) => () => void server.middlewares.stack.unshift({ route: '', handle: createHandler(server) as never }),
  };
}

/**
 * A module as one of the dev server's Vite environments runs it: the same
 * instance its other modules import (the content loader runs in `astro`,
 * the pages in `ssr`), so state it keeps is the state they see.
 * @param file the module's absolute path
 */
export async function importInDevEnvironment<T>(server: DevServer, environmentName: 'astro' | 'ssr', file: string): Promise<T> {
  // A runnable dev environment (Vite's RunnableDevEnvironment) has a module runner; Astro's are.
  const runner = (server.environments[environmentName] as { runner?: { import(url: string): Promise<unknown> } } | undefined)?.runner;
  if (!runner) throw new Error(`Astro's dev server has no runnable "${environmentName}" environment to run ${file} in: this Astro version is not supported by src/integrations/.`);
  return (await runner.import(file)) as T;
}
