/** On the developers page: shows what the kit's notices dispatch, as a product would receive it. */
const output = document.getElementById('kit-events');
for (const type of ['policy-accept', 'policy-acknowledge'] as const) {
  document.addEventListener(type, (event) => {
    if (output) output.textContent = `${type} ${JSON.stringify(event.detail)}`;
  });
}
