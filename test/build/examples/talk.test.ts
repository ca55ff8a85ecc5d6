import { describeExample } from "../example-fits";

describeExample("talk");
