/** The virtual modules of Policy Press's integrations (src/integrations/). */
declare module 'virtual:policy-press/build-context' {
  const context: import('#lib/build/build-context.ts').BuildContextData;
  export default context;
}
