import { describeExample } from "../example-fits";

describeExample("blink");
