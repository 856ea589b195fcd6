import { mount } from "svelte";
import "../lib/base.css";
import "../chair/ui/ui.css";
import "./review.css";
import App from "./App.svelte";

const target = document.getElementById("app");
if (!target) throw new Error("#app missing");
export default mount(App, { target });
