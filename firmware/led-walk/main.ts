// One source for boards with three LEDs and boards with one: a light walks
// across LED1, LED2 and LED3 where the board has them (Puck.js, the original
// Espruino); on a board with LED1 alone (Raspberry Pi Pico) it blinks LED1.
// optional("LED2") is the board's LED2, or undefined on a board without it:
// the build folds it to one or the other, and the types say which per board.
import { run } from "ristretto";
import { every, output } from "ristretto/io";
import type { Output } from "ristretto/io";
import { LED1, optional } from "ristretto/board";

var leds: Output[] = [output(LED1)];
var led2 = optional("LED2"), led3 = optional("LED3");
if (led2 !== undefined) leds.push(output(led2));
if (led3 !== undefined) leds.push(output(led3));

run(async function () {
  await every(250, function (n) {
    var lit = leds[n % leds.length];
    leds.forEach(function (led) {
      led.write(led === lit && (leds.length > 1 || n % 2 === 0));
    });
  });
});
