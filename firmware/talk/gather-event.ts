// The talk's gather example: two counters and a waiter; a random roll sets
// the event, the waiter raises, gather raises at once while the counters go on.
import { Event, gather, sleep } from "ristretto";
import { randint } from "./random";

type Print = (...parts: unknown[]) => void;

async function counterCoro(print: Print, begin: number, end: number, event: Event, boom = 42) {
  for (var i = begin; i < end; i++) {
    print(i);
    if (randint(1, 20) === 8) event.set();
    if (i === boom) throw new Error("The answer!");
    await sleep(0.1);
  }
  return "The end";
}

async function waiter(event: Event): Promise<never> {
  await event.wait();
  throw new Error("Ooops!");
}

export async function main(print: Print) {
  try {
    var event = new Event();
    var bunch = gather([counterCoro(print, 100, 120, event), counterCoro(print, 35, 80, event), waiter(event)]);
    print(await bunch);
  } catch (e) {
    print((e as Error).message);
  }
}
