// The take import's check and confirm buttons: a big file takes seconds, so say so, keep it from being
// sent twice, and while this page waits for the answer, ask the server each second how far it has got.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!form.dataset.importing) return;
  form.querySelector('input[type="submit"]').disabled = true;
  const note = form.querySelector(".import-progress");
  note.textContent = form.dataset.importing;
  note.hidden = false;
  const ask = async () => {
    try {
      const response = await fetch(form.dataset.progress, {
        headers: { Accept: "application/json" }, signal: AbortSignal.timeout(5000),
      });
      const progress = response.ok ? await response.json() : {};
      if (progress.total) {
        const done = Number(progress.done).toLocaleString();
        const total = Number(progress.total).toLocaleString();
        note.replaceChildren(form.dataset.importing, document.createElement("br"), `${done} of ${total} rows ${progress.verb}.`);
      }
    } catch {
      // No answer this time (the server is busy): the next second asks again.
    }
    // One question at a time, a second after the last answer: answers cannot come out of order.
    setTimeout(ask, 1000);
  };
  if (form.dataset.progress) setTimeout(ask, 1000);
});
