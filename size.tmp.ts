import { bundleKit } from '#lib/build/kit-bundle.ts';
for (const e of ['policy-kit','reconsent'] as const) console.log(e, Buffer.byteLength(await bundleKit(e, process.cwd())), (await bundleKit(e, process.cwd())).length);
