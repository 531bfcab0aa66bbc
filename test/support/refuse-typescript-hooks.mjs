// Module hooks for the "compiled CLI" test: any attempt to load a TypeScript source or tsx fails the load,
// so a command that runs to completion under them ran on compiled JavaScript alone.
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (/\.(ts|tsx|mts|cts)$/.test(result.url) || /\/node_modules\/tsx\//.test(result.url)) {
    throw new Error(`TypeScript loaded at run time: ${result.url}`);
  }
  return result;
}
