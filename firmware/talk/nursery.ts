// The talk's Trio example as a task group: the first failure cancels the
// rest, and both failures come back together.
import { sleep, taskGroup, TaskGroupError } from "ristretto";

type Print = (...parts: unknown[]) => void;

async function counterCoro(print: Print, begin: number, end: number, boom = 42) {
  for (var i = begin; i < end; i++) {
    print(i);
    if (i === boom) throw new Error("The answer!");
    await sleep(0.1);
  }
  return "The end";
}

async function boom(): Promise<never> {
  throw new Error("division by zero");
}

export async function parent(print: Print) {
  try {
    await taskGroup(async (nursery) => {
      nursery.createTask(counterCoro(print, 42, 120));
      nursery.createTask(counterCoro(print, 35, 80));
      nursery.createTask(boom());
    });
  } catch (e) {
    print(String(e));
    if (e instanceof TaskGroupError) return e.errors.length;
  }
  return 0;
}
