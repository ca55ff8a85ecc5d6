import { describeExample } from "../example-fits";

describeExample("serial-echo");
