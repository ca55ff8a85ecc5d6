// A --port that names a Bluetooth LE device: by its address
// ("aa:bb:cc:dd:ee:ff") or by the name it advertises ("Puck.js 1a2b").
// What is neither tcp://, nor a path (/dev/ttyACM0, ./tty), nor a Windows
// port (COM3, \\.\COM10), is a name. Host only.

export interface BleTarget {
  /** Lower case, as noble gives addresses on Linux. */
  address?: string;
  name?: string;
}

var ADDRESS = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

/** The Bluetooth LE device `port` names, or undefined for a serial or TCP port. */
export function bleTarget(port: string): BleTarget | undefined {
  if (ADDRESS.test(port)) return { address: port.toLowerCase() };
  if (/^tcp:/i.test(port) || /^[./\\~]/.test(port) || /^COM\d+$/i.test(port) || port === "") return undefined;
  return { name: port };
}

/** A device found in a scan is the one `t` names. */
export function isTarget(t: BleTarget, device: { address?: string; name?: string }): boolean {
  return t.address ? !!device.address && device.address.toLowerCase() === t.address : device.name === t.name;
}

/** "the Bluetooth LE device Puck.js 1a2b", "the Bluetooth LE device aa:bb:cc:dd:ee:ff", for messages. */
export function bleLabel(t: BleTarget): string {
  return "the Bluetooth LE device " + (t.address || JSON.stringify(t.name));
}
