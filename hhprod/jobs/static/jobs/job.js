// A job's page while its work waits or runs: ask each second how far it has got, show it, and when the
// work ends (or stops), load the page again to show what it made.
const box = document.querySelector("[data-job-state]");
const ended = (state) => !["waiting", "running"].includes(state);
const ask = async () => {
  try {
    const response = await fetch(box.dataset.progress, {
      headers: { Accept: "application/json" }, signal: AbortSignal.timeout(5000),
    });
    if (response.ok) {
      const progress = await response.json();
      if (ended(progress.state)) {
        window.location.reload();
        return;
      }
      const done = Number(progress.done).toLocaleString();
      const line = document.createElement("p");
      if (progress.state === "waiting") {
        line.textContent = "Waiting for a worker.";
      } else if (progress.total) {
        const bar = document.createElement("progress");
        bar.value = progress.done;
        bar.max = progress.total;
        line.append(bar, ` ${done} of ${Number(progress.total).toLocaleString()} ${progress.step}.`);
      } else {
        line.textContent = `${done} ${progress.step || "done"} so far.`;
      }
      box.replaceChildren(line);
    }
  } catch {
    // No answer this time (the server is busy): the next second asks again.
  }
  // One question at a time, a second after the last answer: answers cannot come out of order.
  setTimeout(ask, 1000);
};
if (box && !ended(box.dataset.jobState)) setTimeout(ask, 1000);
