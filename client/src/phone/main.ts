import { mount } from "svelte";
import "../lib/base.css";
import "./phone.css";
import "./ballot-forms.css";
import App from "./App.svelte";

// A new link opened over this page (a second card scanned in the same tab) changes only the
// fragment, which does not reload the page: start over so the new token is taken.
window.addEventListener("hashchange", () => {
  if (new URLSearchParams(window.location.hash.slice(1)).has("k")) window.location.reload();
});

const target = document.getElementById("app");
if (!target) throw new Error("#app missing");
export default mount(App, { target });
