/** On the developers page: shows what the kit's notices dispatch, as a product would receive it. */
const output = document.getElementById('kit-events');
document.addEventListener('policy-accept', (event) => {
  if (output) output.textContent = `policy-accept ${JSON.stringify((event as CustomEvent<unknown>).detail)}`;
});
