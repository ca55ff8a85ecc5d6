// An LED breathing: PWM brightness up and down, once every two seconds,
// on a period that does not drift.
import { run } from "ristretto";
import { every, pwm } from "ristretto/io";
import { LED1 } from "ristretto/board";

var STEPS = 50; // per second, each way

run(async function () {
  var led = pwm(LED1, { freq: 200 });
  await every(1000 / STEPS, function (n) {
    var x = (n % (2 * STEPS)) / STEPS; // 0 .. 2
    var level = x <= 1 ? x : 2 - x;
    led.set(level * level); // the eye sees brightness roughly as the square root
  });
});
