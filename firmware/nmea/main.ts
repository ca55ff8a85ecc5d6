// Reads a GPS on SERIAL1 (9600 baud): checks each NMEA sentence's checksum,
// prints the fix from $GPGGA, acknowledges it, and blinks LED1 per fix. When
// the GPS is silent for 2 s it says so and turns LED1 off.
import { TimeoutError, run, waitForMs } from "ristretto";
import { OverrunError, output, uart } from "ristretto/io";
import { LED1, SERIAL1 } from "ristretto/board";
import { degrees, parseNmea } from "./nmea";

run(async function () {
  var gps = uart(SERIAL1, { baud: 9600 }), led = output(LED1), line: string;
  for (;;) {
    try {
      line = await waitForMs(gps.readline(), 2000);
    } catch (e) {
      if (e instanceof TimeoutError) {
        console.log("GPS silent for 2 s");
        led.off();
        continue;
      }
      if (e instanceof OverrunError) {
        console.log("lost " + e.dropped + " bytes");
        continue;
      }
      throw e;
    }
    var s = parseNmea(line);
    if (typeof s === "string") {
      console.log(s);
      continue;
    }
    if (s.type === "GPGGA") {
      var f = s.fields;
      console.log("fix " + f[0] + " " + degrees(f[1], f[2]) + " " + degrees(f[3], f[4]) + ", " + (+f[6]) + " satellites");
      led.toggle();
      await gps.write("ack " + f[0] + "\r\n");
    } else console.log(s.type + " (" + s.fields.length + " fields)");
  }
});
