import { describeExample } from "../example-fits";

describeExample("led-walk");
