/** Text files the page embeds at build time (esbuild's text loader). */
declare module '*.yaml' {
  const text: string;
  export default text;
}
