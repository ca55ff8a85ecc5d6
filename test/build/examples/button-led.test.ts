import { describeExample } from "../example-fits";

describeExample("button-led");
