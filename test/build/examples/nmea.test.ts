import { describeExample } from "../example-fits";

describeExample("nmea");
