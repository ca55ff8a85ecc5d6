// The examples of the talk this project grew from ("AsyncIO: making python
// concurrent code neater"), one after another.
import { run } from "ristretto";
import { manager } from "./cancel-counter";
import { main as gatherEvent } from "./gather-event";
import { parent } from "./nursery";

function print(...parts: unknown[]) {
  console.log(parts.map(String).join(" "));
}

async function talk() {
  print("--- a task cancelled when another coroutine returns");
  await manager(print);
  print("--- gather, an Event and an exception");
  await gatherEvent(print);
  print("--- a task group: two failures come back together");
  await parent(print);
}

run(talk);
