// The take import's check and confirm buttons: a big file takes seconds, so say so, keep it from being
// sent twice, and while this page waits for the answer, ask the server every second how far it has got.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!form.dataset.importing) return;
  form.querySelector('input[type="submit"]').disabled = true;
  const note = form.querySelector(".import-progress");
  note.textContent = form.dataset.importing;
  note.hidden = false;
  const ask = async () => {
    try {
      const response = await fetch(form.dataset.progress, { headers: { Accept: "application/json" } });
      const progress = response.ok ? await response.json() : {};
      if (progress.total) {
        const done = Number(progress.done).toLocaleString();
        const total = Number(progress.total).toLocaleString();
        note.replaceChildren(form.dataset.importing, document.createElement("br"), `${done} of ${total} rows ${progress.verb}.`);
      }
    } catch {
      // No answer this time (the server is busy): the next second asks again.
    }
  };
  if (form.dataset.progress) setInterval(ask, 1000);
});
