// The talk's first asyncio example: a counter task is cancelled as soon as
// another coroutine returns its answer.
import { createTask, sleep } from "ristretto";

type Print = (...parts: unknown[]) => void;

async function counterCoro(print: Print, n: number) {
  for (var i = 0; i < n; i++) {
    print(i);
    await sleep(0.1);
  }
}

async function realCoro(print: Print) {
  await sleep(1);
  print("Something happened");
  return 24;
}

export async function manager(print: Print) {
  var coro = counterCoro(print, 100);
  var counter = createTask(coro);
  var result = await realCoro(print);
  counter.cancel();
  print("answer:", result);
  return result;
}
