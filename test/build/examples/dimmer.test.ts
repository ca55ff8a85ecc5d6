import { describeExample } from "../example-fits";

describeExample("dimmer");
