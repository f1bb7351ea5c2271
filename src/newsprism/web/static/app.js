// newsprism app: highlight layers on the article page, and claim details on click.
document.addEventListener("DOMContentLoaded", () => {
  for (const box of document.querySelectorAll("input[data-layer]")) {
    const apply = () => document.body.classList.toggle("hide-" + box.dataset.layer, !box.checked);
    box.addEventListener("change", apply);
    apply();
  }
  for (const mark of document.querySelectorAll("mark[data-claim]")) {
    mark.addEventListener("click", () => {
      window.location.href = "/claims/" + encodeURIComponent(mark.dataset.claim);
    });
  }
});
