/** kinesalite in a process of its own (the benchmark's stream), reporting its port to the parent. */
import type { AddressInfo } from "node:net";
import kinesalite from "kinesalite";

const server = kinesalite({ createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 50 });
server.listen(0, "127.0.0.1", () => process.send?.((server.address() as AddressInfo).port));
