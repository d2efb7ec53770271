// The take import's check and confirm buttons: a big file takes seconds, so say so and keep it from being sent twice.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!form.dataset.importing) return;
  form.querySelector('input[type="submit"]').disabled = true;
  const note = form.querySelector(".import-progress");
  note.textContent = form.dataset.importing;
  note.hidden = false;
});
